using System.Collections.Immutable;
using OptimizeGen.Generators.Model;

namespace OptimizeGen.Generators.Differentiation;

/// <summary>How derivative expressions name their functions: System.Math for the gradient, the dual type for
/// the Hessian-vector product (forward over reverse).</summary>
internal interface INumberSyntax
{
    /// <summary>The numeric type of locals: <c>double</c> or the dual type.</summary>
    string Type { get; }

    /// <summary>A function of the subset, e.g. <c>Sin</c> → <c>global::System.Math.Sin</c>.</summary>
    string Function(string name);

    /// <summary><c>condition ? value : 0</c> in the numeric type.</summary>
    string Select(string condition, string value);
}

/// <summary>
/// The adjoint rule of every IR operation: for r = op(a₀, a₁, …) with adjoint ḡ = ∂L/∂r, the contributions
/// ∂L/∂aₖ += ḡ·∂op/∂aₖ. The rules reuse the primal result r where it pays (exp, sqrt, tan, tanh, division, hypot),
/// so value and derivative share their common subexpressions.
/// </summary>
internal static class AdjointRules
{
    /// <summary>The contributions to the arguments that are active.</summary>
    /// <param name="scaled">True when <paramref name="g"/> holds r·ḡ rather than ḡ (see <see cref="CanScale"/>): the
    /// rules of Exp and Pow then take the product directly instead of multiplying by r.</param>
    /// <param name="positiveBase">True when a power's base is proved positive (e.g. <c>1 + Math.Exp(…)</c>): the rule
    /// then needs no guard for a zero base.</param>
    public static IEnumerable<(int Argument, string Expression)> Contributions(
        OpKind op, ImmutableArray<Atom> atoms, string[] a, string r, string g, INumberSyntax m, bool scaled = false, bool positiveBase = false)
    {
        string F(string name) => m.Function(name);
        if (scaled)
        {
            switch (op)
            {
                case OpKind.Exp:
                    yield return (0, g);
                    yield break;
                case OpKind.Pow:
                    yield return (0, positiveBase
                        ? $"{g} * {a[1]} / {a[0]}"
                        : $"({a[0]} != 0.0 ? {g} * {a[1]} / {a[0]} : {g} / {r} * {a[1]} * {F("Pow")}({a[0]}, {a[1]} - 1))");
                    yield return (1, $"{g} * {F("Log")}({a[0]})");
                    yield break;
                default:
                    throw new InvalidOperationException("No scaled adjoint rule for " + op);
            }
        }

        switch (op)
        {
            case OpKind.Copy:
                yield return (0, g);
                break;
            case OpKind.Add:
                yield return (0, g);
                yield return (1, g);
                break;
            case OpKind.Sub:
                yield return (0, g);
                yield return (1, $"-{g}");
                break;
            case OpKind.Neg:
                yield return (0, $"-{g}");
                break;
            case OpKind.Mul:
                if (atoms[0].Equals(atoms[1]))
                {
                    yield return (0, $"2 * {g} * {a[0]}");
                }
                else
                {
                    yield return (0, $"{g} * {a[1]}");
                    yield return (1, $"{g} * {a[0]}");
                }

                break;
            case OpKind.Div:
                // The same quotient g / b in both, so that the JIT computes one division; for 1 / b, ∂r/∂b = −r², no division.
                yield return (0, $"{g} / {a[1]}");
                yield return (1, atoms[0] is ConstAtom { Value: 1.0 } ? $"-{g} * ({r} * {r})" : $"-({g} / {a[1]}) * {r}");
                break;
            case OpKind.Sin:
                yield return (0, $"{g} * {F("Cos")}({a[0]})");
                break;
            case OpKind.Cos:
                yield return (0, $"-{g} * {F("Sin")}({a[0]})");
                break;
            case OpKind.Tan:
                yield return (0, $"{g} * (1 + {r} * {r})");
                break;
            case OpKind.Asin:
                yield return (0, $"{g} / {F("Sqrt")}(1 - {a[0]} * {a[0]})");
                break;
            case OpKind.Acos:
                yield return (0, $"-{g} / {F("Sqrt")}(1 - {a[0]} * {a[0]})");
                break;
            case OpKind.Atan:
                yield return (0, $"{g} / (1 + {a[0]} * {a[0]})");
                break;
            case OpKind.Atan2:
                yield return (0, $"{g} * {a[1]} / ({a[0]} * {a[0]} + {a[1]} * {a[1]})");
                yield return (1, $"-{g} * {a[0]} / ({a[0]} * {a[0]} + {a[1]} * {a[1]})");
                break;
            case OpKind.Sinh:
                yield return (0, $"{g} * {F("Cosh")}({a[0]})");
                break;
            case OpKind.Cosh:
                yield return (0, $"{g} * {F("Sinh")}({a[0]})");
                break;
            case OpKind.Tanh:
                yield return (0, $"{g} * (1 - {r} * {r})");
                break;
            case OpKind.Asinh:
                yield return (0, $"{g} / {F("Sqrt")}({a[0]} * {a[0]} + 1)");
                break;
            case OpKind.Acosh:
                yield return (0, $"{g} / {F("Sqrt")}({a[0]} * {a[0]} - 1)");
                break;
            case OpKind.Atanh:
                yield return (0, $"{g} / (1 - {a[0]} * {a[0]})");
                break;
            case OpKind.Exp:
                yield return (0, $"{g} * {r}");
                break;
            case OpKind.Log:
                yield return (0, $"{g} / {a[0]}");
                break;
            case OpKind.LogBase:
                yield return (0, $"{g} / ({a[0]} * {F("Log")}({a[1]}))");
                yield return (1, $"-{g} * {r} / ({a[1]} * {F("Log")}({a[1]}))");
                break;
            case OpKind.Log10:
                yield return (0, $"{g} / ({a[0]} * 2.302585092994046)");
                break;
            case OpKind.Log2:
                yield return (0, $"{g} / ({a[0]} * 0.6931471805599453)");
                break;
            case OpKind.Pow:
                // d(a^b)/da = b·a^(b−1) = b·r/a: the primal's power is reused; at a = 0 the power is taken again.
                yield return (0, positiveBase
                    ? $"{g} * {a[1]} * {r} / {a[0]}"
                    : $"({a[0]} != 0.0 ? {g} * {a[1]} * {r} / {a[0]} : {g} * {a[1]} * {F("Pow")}({a[0]}, {a[1]} - 1))");
                yield return (1, $"{g} * {r} * {F("Log")}({a[0]})");
                break;
            case OpKind.Sqrt:
                yield return (0, $"0.5 * {g} / {r}");
                break;
            case OpKind.Cbrt:
                yield return (0, $"{g} / (3 * {r} * {r})");
                break;
            case OpKind.Abs:
                yield return (0, $"{g} * {F("Sign")}({a[0]})");
                break;
            case OpKind.Max:
                yield return (0, m.Select($"{a[0]} >= {a[1]}", g));
                yield return (1, m.Select($"{a[0]} < {a[1]}", g));
                break;
            case OpKind.Min:
                yield return (0, m.Select($"{a[0]} <= {a[1]}", g));
                yield return (1, m.Select($"{a[0]} > {a[1]}", g));
                break;
            case OpKind.Clamp:
                yield return (0, m.Select($"{a[0]} >= {a[1]} && {a[0]} <= {a[2]}", g));
                yield return (1, m.Select($"{a[0]} < {a[1]}", g));
                yield return (2, m.Select($"{a[0]} >= {a[1]} && {a[0]} > {a[2]}", g));
                break;
            case OpKind.FusedMultiplyAdd:
                yield return (0, $"{g} * {a[1]}");
                yield return (1, $"{g} * {a[0]}");
                yield return (2, g);
                break;
            case OpKind.Hypot:
                yield return (0, $"{g} * {a[0]} / {r}");
                yield return (1, $"{g} * {a[1]} / {r}");
                break;
            case OpKind.Sign:
            case OpKind.Floor:
            case OpKind.Ceiling:
            case OpKind.Round:
                break;
            default:
                throw new InvalidOperationException("No adjoint rule for " + op);
        }
    }

    /// <summary>
    /// True when the adjoint of a value defined by <paramref name="op"/> may be kept scaled by the value itself (r·ḡ): for
    /// exp and pow, whose rules multiply ḡ by r. When such a value's only use is as the denominator of a quotient
    /// q = n / r, its scaled adjoint is −q̄·q — the division −(q̄ / r)·q and the product by r cancel — which is what a
    /// hand-written derivative of <c>b1 / Math.Pow(u, 1 / b4)</c> does.
    /// </summary>
    public static bool CanScale(OpKind op) => op is OpKind.Exp or OpKind.Pow;

    /// <summary>The contribution of a quotient r = n / d to the scaled adjoint d·d̄ of its denominator: −ḡ·r.</summary>
    public static string ScaledDenominatorContribution(string r, string g) => $"-{g} * {r}";

    /// <summary>True when the rule needs the value of argument <paramref name="k"/> (so it must be recomputed exactly).</summary>
    public static bool NeedsValue(OpKind op, int k, ImmutableArray<Atom> args, Func<Atom, bool> isActive) => op switch
    {
        OpKind.Copy or OpKind.Add or OpKind.Sub or OpKind.Neg or OpKind.Sign or OpKind.Floor or OpKind.Ceiling or OpKind.Round => false,
        OpKind.Mul => args[0].Equals(args[1]) || isActive(args[1 - k]),
        OpKind.Div => k == 1 || isActive(args[1]),
        OpKind.FusedMultiplyAdd => k switch { 0 => isActive(args[1]), 1 => isActive(args[0]), _ => false },
        _ => true,
    };

    /// <summary>True when the rule reads the primal result r.</summary>
    public static bool UsesResult(OpKind op) => op is OpKind.Tan or OpKind.Tanh or OpKind.Exp or OpKind.LogBase or OpKind.Pow
        or OpKind.Sqrt or OpKind.Cbrt or OpKind.Hypot;

    /// <summary>The forward (primal) expression of an op, e.g. <c>a + b</c> or <c>global::System.Math.Sin(a)</c>.</summary>
    public static string Primal(OpKind op, string[] a, INumberSyntax m) => op switch
    {
        OpKind.Copy => a[0],
        OpKind.Add => $"{a[0]} + {a[1]}",
        OpKind.Sub => $"{a[0]} - {a[1]}",
        OpKind.Mul => $"{a[0]} * {a[1]}",
        OpKind.Div => $"{a[0]} / {a[1]}",
        OpKind.Neg => $"-{a[0]}",
        OpKind.LogBase => $"{m.Function("Log")}({a[0]}, {a[1]})",
        _ => $"{m.Function(op.ToString())}({string.Join(", ", a)})",
    };
}
