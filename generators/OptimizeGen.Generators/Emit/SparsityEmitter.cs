using System.Globalization;
using System.Text.RegularExpressions;
using OptimizeGen.Generators.Differentiation;
using OptimizeGen.Generators.Model;

namespace OptimizeGen.Generators.Emit;

/// <summary>
/// The Jacobian sparsity pattern of an <c>[Equations]</c> system, from the same IR the Jacobian is generated from, with index
/// sets in place of values: an operation depends on the union of its operands' sets (nothing for Sign, Floor, Ceiling and
/// Round, whose derivative is zero), <c>x[i]</c> on {i}, a residual's set is its row.
/// <list type="bullet">
/// <item>Span form: <c>SJacobianSparsity(int n, data…)</c> runs the body on sets at run time, with the real loop bounds and the
/// real data. A branch on data is taken as the code takes it; a branch on an active value runs both arms and joins their
/// results (the union), so the pattern is a superset of the nonzeros at every point.</item>
/// <item>Tuple form: the unknowns are fixed, so the pattern is found here, at compile time — both arms of every branch, every
/// loop to its fixed point — and emitted as constant arrays (<c>SJacobianSparsity</c>, a static property).</item>
/// </list>
/// </summary>
internal static class SparsityEmitter
{
    private const string Set = "global::OptimizeGen.DependencySet";
    private const string Pattern = "global::OptimizeGen.JacobianSparsity";

    public static void Emit(SourceWriter w, ObjectiveSpec spec)
    {
        if (spec.ResidualCount > 0)
        {
            EmitStatic(w, spec);
        }
        else
        {
            EmitRuntime(w, spec);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Span form: generated code that propagates dependency sets at run time.

    private static void EmitRuntime(SourceWriter w, ObjectiveSpec spec)
    {
        string s = spec.MethodName;
        string n = spec.Dimension;
        string rows = spec.Residuals;
        string x = spec.Variables[0];
        string f = spec.OutputName;
        ParameterSpec xParameter = spec.Parameters.First(p => p.Name == x);
        string dataParameters = string.Concat(spec.Parameters.Where(p => p.IsData).Select(p => $", {p.TypeText} {p.Name}"));
        w.Line("/// <summary>");
        w.Line($"/// The sparsity pattern of <see cref=\"{s}\"/>'s Jacobian for <paramref name=\"{n}\"/> unknowns: its body run on the sets of");
        w.Line("/// unknowns each value depends on, with the real loop bounds and data; both arms of a branch on an unknown. A superset of");
        w.Line("/// the nonzeros of the Jacobian at every point.");
        w.Line("/// </summary>");
        w.Line(ObjectiveEmitter.GeneratedCode);
        w.Open($"{ObjectiveEmitter.Modifiers(spec)} {Pattern} {s}JacobianSparsity(int {n}{dataParameters})");
        w.Line($"if ({n} < 0) throw new global::System.ArgumentOutOfRangeException(nameof({n}), \"The number of unknowns cannot be negative.\");");
        w.Line($"// Only the lengths of {x} and {f} are read.");
        w.Line($"{xParameter.TypeText} {x} = new double[{n}];");
        w.Line($"global::System.Span<double> {f} = new double[{n}];");
        w.Line($"var {rows} = new {Set}[{n}];");
        new RuntimeSweep(w, spec).Block(spec.Body, join: false);
        w.Line($"return {Pattern}.FromDependencies({n}, {rows});");
        w.Close();
    }

    private sealed class RuntimeSweep
    {
        private readonly SourceWriter _w;
        private readonly ObjectiveSpec _spec;
        private readonly HashSet<string> _active = new(StringComparer.Ordinal);

        public RuntimeSweep(SourceWriter w, ObjectiveSpec spec)
        {
            _w = w;
            _spec = spec;
            CollectActive(spec.Body, _active);
        }

        /// <summary>Writes a block; under <paramref name="join"/> (inside a branch on an active value) assignments join instead of replace.</summary>
        public void Block(IEnumerable<Stmt> block, bool join)
        {
            foreach (Stmt statement in block)
            {
                switch (statement)
                {
                    case LetStmt { Active: false } let:
                        // A value of the data only: computed, since passive branches compare it.
                        _w.Line($"double {let.Name} = {AdjointRules.Primal(let.Op, let.Args.Select(Value).ToArray(), DoubleNumbers.Instance)};");
                        break;
                    case LetStmt let:
                        _w.Line($"{Set} {let.Name} = {Dependencies(let.Op, let.Args)};");
                        break;
                    case MutableStmt mutable:
                        _w.Line($"{Set} {mutable.Name} = {(mutable.Init is null ? Set + ".Empty" : SetOf(mutable.Init))};");
                        break;
                    case SetStmt set:
                        _w.Line(join ? $"{set.Name} = {set.Name} | {SetOf(set.Value)};" : $"{set.Name} = {SetOf(set.Value)};");
                        break;
                    case PassiveStmt passive:
                        _w.Line(passive.Text);
                        break;
                    case OutputStmt output:
                    {
                        string row = $"{_spec.Residuals}[{output.IndexText}]";
                        _w.Line(join ? $"{row} = {row} | {SetOf(output.Value)};" : $"{row} = {SetOf(output.Value)};");
                        break;
                    }

                    case IfStmt ifs when IsActive(ifs.Condition):
                        _w.Line($"// Both arms: the branch depends on the unknowns ({Condition(ifs.Condition, values: false)}).");
                        _w.Open();
                        Block(ifs.Then, join: true);
                        _w.Close();
                        if (ifs.Else.Count > 0)
                        {
                            _w.Open();
                            Block(ifs.Else, join: true);
                            _w.Close();
                        }

                        break;
                    case IfStmt ifs:
                        _w.Open($"if ({Condition(ifs.Condition, values: true)})");
                        Block(ifs.Then, join);
                        _w.Close();
                        if (ifs.Else.Count > 0)
                        {
                            _w.Open("else");
                            Block(ifs.Else, join);
                            _w.Close();
                        }

                        break;
                    case LoopStmt loop:
                        _w.Open($"for (int {loop.Index} = {loop.Start}; {loop.Index} {loop.Comparison} {loop.End}; {loop.Index}{(loop.Step == 1 ? "++" : "--")})");
                        Block(loop.Body, join);
                        _w.Close();
                        break;
                }
            }
        }

        private string Dependencies(OpKind op, EquatableArray<Atom> args)
        {
            var sets = args.Where(IsActive).Select(SetOf).Distinct().ToList();
            return ZeroDerivative(op) || sets.Count == 0 ? Set + ".Empty" : string.Join(" | ", sets);
        }

        private bool IsActive(Atom atom) => atom switch
        {
            InputAtom or InputElementAtom or OutputElementAtom => true,
            LocalAtom local => _active.Contains(local.Name),
            _ => false,
        };

        private bool IsActive(Condition condition) => condition switch
        {
            CompareCondition c => IsActive(c.Left) || IsActive(c.Right),
            LogicalCondition l => IsActive(l.Left) || IsActive(l.Right),
            NotCondition n => IsActive(n.Operand),
            _ => false,
        };

        private string SetOf(Atom atom) => atom switch
        {
            InputAtom i => $"{Set}.Of({i.Index.ToString(CultureInfo.InvariantCulture)})",
            InputElementAtom e => $"{Set}.Of({e.IndexText})",
            OutputElementAtom e => $"{_spec.Residuals}[{e.IndexText}]",
            LocalAtom l when _active.Contains(l.Name) => l.Name,
            _ => Set + ".Empty",
        };

        private string Value(Atom atom) => atom switch
        {
            ConstAtom c => Literals.Double(c.Value),
            LocalAtom l => l.Name,
            DataAtom d => Regex.IsMatch(d.Text, @"^[A-Za-z_][A-Za-z0-9_.:\[\]]*$") ? d.Text : "(" + d.Text + ")",
            _ => throw new InvalidOperationException("An active value where the data's value is needed: " + atom),
        };

        private string Condition(Condition condition, bool values) => condition switch
        {
            CompareCondition c => values ? $"{Value(c.Left)} {c.Operator} {Value(c.Right)}" : $"{Describe(c.Left)} {c.Operator} {Describe(c.Right)}",
            LogicalCondition l => $"({Condition(l.Left, values)}) {l.Operator} ({Condition(l.Right, values)})",
            NotCondition n => $"!({Condition(n.Operand, values)})",
            PassiveCondition p => p.Text,
            _ => throw new InvalidOperationException("Unknown condition " + condition),
        };

        private string Describe(Atom atom) => atom switch
        {
            InputAtom i => _spec.Variables[i.Index],
            InputElementAtom e => $"{_spec.Variables[0]}[{e.IndexText}]",
            OutputElementAtom e => $"{_spec.OutputName}[{e.IndexText}]",
            ConstAtom c => Literals.Double(c.Value),
            LocalAtom l => l.Name,
            DataAtom d => d.Text,
            _ => atom.ToString(),
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tuple form: the pattern found at compile time, emitted as constants.

    private static void EmitStatic(SourceWriter w, ObjectiveSpec spec)
    {
        string s = spec.MethodName;
        int m = spec.ResidualCount;
        SortedSet<int>[] rows = StaticPattern(spec);
        var start = new List<int> { 0 };
        var columns = new List<int>();
        foreach (SortedSet<int> row in rows)
        {
            columns.AddRange(row);
            start.Add(columns.Count);
        }

        string Ints(IEnumerable<int> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        w.Line("/// <summary>");
        w.Line($"/// The sparsity pattern of <see cref=\"{s}\"/>'s {m} × {m} Jacobian, found at compile time from its body (both arms of every");
        w.Line($"/// branch): {columns.Count} structural nonzeros. A superset of the nonzeros at every point, for any data.");
        w.Line("/// </summary>");
        w.Line(ObjectiveEmitter.GeneratedCode);
        w.Line($"{ObjectiveEmitter.Modifiers(spec).Replace(" static", string.Empty)} static {Pattern} {s}JacobianSparsity {{ get; }} =");
        w.Line($"    {Pattern}.FromCompressedRows({m}, {m}, new int[] {{ {Ints(start)} }}, new int[] {{ {Ints(columns)} }});");
    }

    /// <summary>Abstract interpretation of the body on index sets: joins at every assignment to a mutable, loops to their fixed point.</summary>
    internal static SortedSet<int>[] StaticPattern(ObjectiveSpec spec)
    {
        var sets = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var rows = Enumerable.Range(0, spec.ResidualCount).Select(_ => new SortedSet<int>()).ToArray();

        SortedSet<int> Of(Atom atom) => atom switch
        {
            InputAtom i => new SortedSet<int> { i.Index },
            LocalAtom l when sets.TryGetValue(l.Name, out SortedSet<int>? set) => set,
            _ => new SortedSet<int>(),
        };

        bool Join(string name, SortedSet<int> value)
        {
            if (!sets.TryGetValue(name, out SortedSet<int>? set))
            {
                sets[name] = new SortedSet<int>(value);
                return value.Count > 0;
            }

            int before = set.Count;
            set.UnionWith(value);
            return set.Count != before;
        }

        bool Run(IEnumerable<Stmt> block)
        {
            bool changed = false;
            foreach (Stmt statement in block)
            {
                switch (statement)
                {
                    case LetStmt let:
                    {
                        var value = new SortedSet<int>();
                        if (!ZeroDerivative(let.Op))
                        {
                            foreach (Atom a in let.Args)
                            {
                                value.UnionWith(Of(a));
                            }
                        }

                        changed |= Join(let.Name, value);
                        break;
                    }

                    case MutableStmt mutable:
                        changed |= Join(mutable.Name, mutable.Init is null ? new SortedSet<int>() : Of(mutable.Init));
                        break;
                    case SetStmt set:
                        changed |= Join(set.Name, Of(set.Value));
                        break;
                    case OutputStmt output when int.TryParse(output.IndexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int row) && row >= 0 && row < rows.Length:
                        rows[row].UnionWith(Of(output.Value));
                        break;
                    case IfStmt ifs:
                        changed |= Run(ifs.Then);
                        changed |= Run(ifs.Else);
                        break;
                    case LoopStmt loop:
                        // Iterate to the fixed point: sets only grow, and there are finitely many indices.
                        for (int pass = 0; Run(loop.Body) && pass < 10_000; pass++)
                        {
                            changed = true;
                        }

                        break;
                }
            }

            return changed;
        }

        Run(spec.Body);
        return rows;
    }

    /// <summary>Operations whose derivative is zero wherever it exists: they depend on nothing.</summary>
    private static bool ZeroDerivative(OpKind op) => op is OpKind.Sign or OpKind.Floor or OpKind.Ceiling or OpKind.Round;

    private static void CollectActive(IEnumerable<Stmt> block, HashSet<string> active)
    {
        foreach (Stmt s in block)
        {
            switch (s)
            {
                case LetStmt { Active: true } let:
                    active.Add(let.Name);
                    break;
                case MutableStmt mutable:
                    active.Add(mutable.Name);
                    break;
                case IfStmt ifs:
                    CollectActive(ifs.Then, active);
                    CollectActive(ifs.Else, active);
                    break;
                case LoopStmt loop:
                    CollectActive(loop.Body, active);
                    break;
            }
        }
    }

    private sealed class DoubleNumbers : INumberSyntax
    {
        public static readonly DoubleNumbers Instance = new();

        public string Type => "double";

        public string Function(string name) => name == "Hypot" ? "double.Hypot" : "global::System.Math." + name;

        public string Select(string condition, string value) => $"({condition} ? {value} : 0.0)";
    }
}
