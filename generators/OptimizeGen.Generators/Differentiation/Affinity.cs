using OptimizeGen.Generators.Model;

namespace OptimizeGen.Generators.Differentiation;

/// <summary>
/// Proves a body affine in its differentiable inputs: every active value is a sum, difference, negation or copy of
/// active values, or an active value times or divided by a passive one; no branch depends on an active value. Loops
/// of such statements stay affine. Anything else (a product of two active values, any function of one) is not.
/// </summary>
internal static class Affinity
{
    public static bool IsAffine(IReadOnlyList<Stmt> body, ISet<string> activeLocals)
    {
        bool Active(Atom atom) => atom switch
        {
            InputAtom or InputElementAtom => true,
            LocalAtom local => activeLocals.Contains(local.Name),
            _ => false,
        };

        bool ConditionActive(Condition condition) => condition switch
        {
            CompareCondition c => Active(c.Left) || Active(c.Right),
            LogicalCondition l => ConditionActive(l.Left) || ConditionActive(l.Right),
            NotCondition n => ConditionActive(n.Operand),
            _ => false,
        };

        bool Block(IEnumerable<Stmt> block)
        {
            foreach (Stmt statement in block)
            {
                switch (statement)
                {
                    case LetStmt let when let.Args.Any(Active):
                        bool linear = let.Op switch
                        {
                            OpKind.Copy or OpKind.Add or OpKind.Sub or OpKind.Neg => true,
                            OpKind.Mul => !(Active(let.Args[0]) && Active(let.Args[1])),
                            OpKind.Div => !Active(let.Args[1]),
                            _ => false,
                        };
                        if (!linear)
                        {
                            return false;
                        }

                        break;
                    case IfStmt ifs:
                        if (ConditionActive(ifs.Condition) || !Block(ifs.Then) || !Block(ifs.Else))
                        {
                            return false;
                        }

                        break;
                    case LoopStmt loop:
                        if (!Block(loop.Body))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }

        return Block(body);
    }
}
