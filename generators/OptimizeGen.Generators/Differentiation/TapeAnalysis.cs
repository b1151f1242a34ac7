using OptimizeGen.Generators.Model;

namespace OptimizeGen.Generators.Differentiation;

/// <summary>
/// Decides which loop-carried variables need a tape. The reverse sweep of a loop re-runs each iteration's primal
/// from the state at the start of that iteration; a carried variable must be restored from a tape only if some value
/// computed from it in the body is needed by a derivative rule or a condition. A reduction <c>sum += g(x[i])</c>
/// enters only additions and copies, whose derivatives do not depend on the operands' values: no tape.
/// </summary>
internal static class TapeAnalysis
{
    public static bool NeedsTape(IReadOnlyList<Stmt> body, string carried, ISet<string> active)
    {
        // Values computed from the carried variable in one iteration (to a fixpoint, for nested loops' back edges).
        var dependent = new HashSet<string>(StringComparer.Ordinal) { carried };
        int count;
        do
        {
            count = dependent.Count;
            Propagate(body, dependent);
        }
        while (dependent.Count != count);

        return Needed(body, dependent, active);
    }

    private static bool Reads(Atom atom, HashSet<string> set) => atom is LocalAtom local && set.Contains(local.Name);

    private static void Propagate(IReadOnlyList<Stmt> block, HashSet<string> dependent)
    {
        foreach (Stmt statement in block)
        {
            switch (statement)
            {
                case LetStmt let when let.Args.Any(a => Reads(a, dependent)):
                    dependent.Add(let.Name);
                    break;
                case MutableStmt { Init: { } init } mutable when Reads(init, dependent):
                    dependent.Add(mutable.Name);
                    break;
                case SetStmt set when Reads(set.Value, dependent):
                    dependent.Add(set.Name);
                    break;
                case IfStmt ifs:
                    Propagate(ifs.Then.AsImmutableArray(), dependent);
                    Propagate(ifs.Else.AsImmutableArray(), dependent);
                    break;
                case LoopStmt loop:
                    Propagate(loop.Body.AsImmutableArray(), dependent);
                    break;
            }
        }
    }

    private static bool Needed(IReadOnlyList<Stmt> block, HashSet<string> dependent, ISet<string> active)
    {
        foreach (Stmt statement in block)
        {
            switch (statement)
            {
                case LetStmt let:
                    for (int k = 0; k < let.Args.Count; k++)
                    {
                        if (Reads(let.Args[k], dependent) && AdjointRules.NeedsValue(let.Op, k, let.Args.AsImmutableArray(), a => IsActive(a, active)))
                        {
                            return true;
                        }
                    }

                    if (dependent.Contains(let.Name) && AdjointRules.UsesResult(let.Op))
                    {
                        return true;
                    }

                    break;
                case IfStmt ifs:
                    if (ConditionReads(ifs.Condition, dependent) || Needed(ifs.Then.AsImmutableArray(), dependent, active) || Needed(ifs.Else.AsImmutableArray(), dependent, active))
                    {
                        return true;
                    }

                    break;
                case LoopStmt loop:
                    if (Needed(loop.Body.AsImmutableArray(), dependent, active))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static bool IsActive(Atom atom, ISet<string> active) => atom switch
    {
        InputAtom or InputElementAtom or OutputElementAtom => true,
        LocalAtom local => active.Contains(local.Name),
        _ => false,
    };

    private static bool ConditionReads(Condition condition, HashSet<string> set) => condition switch
    {
        CompareCondition c => Reads(c.Left, set) || Reads(c.Right, set),
        LogicalCondition l => ConditionReads(l.Left, set) || ConditionReads(l.Right, set),
        NotCondition n => ConditionReads(n.Operand, set),
        _ => false,
    };
}
