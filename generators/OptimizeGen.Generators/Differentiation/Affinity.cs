using OptimizeGen.Generators.Model;

namespace OptimizeGen.Generators.Differentiation;

/// <summary>
/// Proves a body polynomial of low degree in its differentiable inputs. Degrees: an input is 1, passive data and
/// constants 0; a sum, difference, negation or copy has the largest degree of its operands, a product the sum, a quotient
/// by a passive value its numerator's. Any other operation of an active value (Exp, Abs, Max, a quotient by an active
/// value …) and any branch on an active value make the body non-polynomial. Mutable locals (phis, loop-carried state)
/// take the largest degree ever assigned, found by iterating to a fixed point — so <c>s += x[i] * x[i]</c> in a loop
/// stays quadratic while <c>p *= x[i]</c> grows past any bound and is not polynomial. Degrees above 2 are not told apart.
/// </summary>
internal static class Affinity
{
    /// <summary>A degree larger than any this analysis distinguishes (a cubic, or not a polynomial at all).</summary>
    public const int Beyond = 3;

    public static bool IsAffine(IReadOnlyList<Stmt> body, ISet<string> activeLocals) => Degree(body, activeLocals) <= 1;

    /// <summary>The degree of the body's value (or of its outputs, for a system): 0, 1, 2, or <see cref="Beyond"/>.</summary>
    public static int Degree(IReadOnlyList<Stmt> body, ISet<string> activeLocals)
    {
        var degrees = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int pass = 0; pass < 8; pass++)
        {
            bool changed = false;
            int result = 0;
            if (!Block(body, degrees, activeLocals, ref changed, ref result))
            {
                return Beyond;
            }

            if (!changed)
            {
                return result;
            }
        }

        return Beyond;
    }

    private static int Of(Atom atom, Dictionary<string, int> degrees, ISet<string> activeLocals) => atom switch
    {
        InputAtom or InputElementAtom => 1,
        LocalAtom local when activeLocals.Contains(local.Name) => degrees.TryGetValue(local.Name, out int d) ? d : 0,
        _ => 0,
    };

    private static bool ConditionActive(Condition condition, ISet<string> activeLocals) => condition switch
    {
        CompareCondition c => IsActive(c.Left, activeLocals) || IsActive(c.Right, activeLocals),
        LogicalCondition l => ConditionActive(l.Left, activeLocals) || ConditionActive(l.Right, activeLocals),
        NotCondition n => ConditionActive(n.Operand, activeLocals),
        _ => false,
    };

    private static bool IsActive(Atom atom, ISet<string> activeLocals) => atom switch
    {
        InputAtom or InputElementAtom => true,
        LocalAtom local => activeLocals.Contains(local.Name),
        _ => false,
    };

    /// <summary>Raises the recorded degree of a local; true when it grew.</summary>
    private static bool Raise(Dictionary<string, int> degrees, string name, int degree)
    {
        degree = Math.Min(degree, Beyond);
        if (degrees.TryGetValue(name, out int old) && old >= degree)
        {
            return false;
        }

        degrees[name] = degree;
        return true;
    }

    private static bool Block(IEnumerable<Stmt> block, Dictionary<string, int> degrees, ISet<string> activeLocals, ref bool changed, ref int result)
    {
        foreach (Stmt statement in block)
        {
            switch (statement)
            {
                case LetStmt let:
                {
                    int[] args = let.Args.Select(a => Of(a, degrees, activeLocals)).ToArray();
                    bool anyActive = let.Args.Any(a => IsActive(a, activeLocals));
                    if (!anyActive)
                    {
                        break;
                    }

                    int degree = let.Op switch
                    {
                        OpKind.Copy or OpKind.Neg => args[0],
                        OpKind.Add or OpKind.Sub => Math.Max(args[0], args[1]),
                        OpKind.Mul => args[0] + args[1],
                        OpKind.Div when !IsActive(let.Args[1], activeLocals) => args[0],
                        OpKind.FusedMultiplyAdd => Math.Max(args[0] + args[1], args[2]),
                        _ => -1,
                    };
                    if (degree < 0)
                    {
                        return false;
                    }

                    changed |= Raise(degrees, let.Name, degree);
                    break;
                }

                case MutableStmt mutable when mutable.Init is not null:
                    changed |= Raise(degrees, mutable.Name, Of(mutable.Init, degrees, activeLocals));
                    break;
                case SetStmt set:
                    changed |= Raise(degrees, set.Name, Of(set.Value, degrees, activeLocals));
                    break;
                case IfStmt ifs:
                    if (ConditionActive(ifs.Condition, activeLocals)
                        || !Block(ifs.Then, degrees, activeLocals, ref changed, ref result)
                        || !Block(ifs.Else, degrees, activeLocals, ref changed, ref result))
                    {
                        return false;
                    }

                    break;
                case LoopStmt loop:
                    if (!Block(loop.Body, degrees, activeLocals, ref changed, ref result))
                    {
                        return false;
                    }

                    break;
                case OutputStmt output:
                    result = Math.Max(result, Of(output.Value, degrees, activeLocals));
                    break;
                case ReturnStmt ret:
                    result = Math.Max(result, Of(ret.Value, degrees, activeLocals));
                    break;
            }
        }

        return true;
    }
}
