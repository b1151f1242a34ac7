using System.Text.RegularExpressions;
using OptimizeGen.Generators.Differentiation;
using OptimizeGen.Generators.Model;

namespace OptimizeGen.Generators.Emit;

/// <summary>
/// Writes the value-and-gradient program of an IR body (reverse mode): the primal sweep into locals, then the
/// adjoints in reverse. An if's reverse re-runs the taken branch's primal, then its adjoint; a loop's reverse runs
/// the iterations backwards, restoring taped carried variables, re-running each iteration's primal and then its
/// adjoint. Over <c>double</c> it is the gradient; over the dual type it is the Hessian-vector product.
/// </summary>
internal sealed class BodyEmitter
{
    private readonly SourceWriter _w;
    private readonly ObjectiveSpec _spec;
    private readonly INumberSyntax _m;
    private readonly bool _dual;
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _adjointNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reserved;
    private readonly Stack<HashSet<string>> _lazy = new();

    public BodyEmitter(SourceWriter writer, ObjectiveSpec spec, bool dual)
    {
        _w = writer;
        _spec = spec;
        _dual = dual;
        _m = dual ? DualSyntax.Instance : DoubleSyntax.Instance;
        _reserved = CollectIdentifiers(spec);
        CollectActive(spec.Body);
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        CountUses(spec.Body, uses);
        CollectScaled(spec.Body, uses);
        CollectSigns(spec.Body);
    }

    /// <summary>SSA values proved positive, and proved non-negative, from how they are computed.</summary>
    private readonly HashSet<string> _positive = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nonNegative = new(StringComparer.Ordinal);

    private bool Positive(Atom atom) => atom is ConstAtom { Value: > 0 } || (atom is LocalAtom l && _positive.Contains(l.Name));

    private bool NonNegative(Atom atom) => atom is ConstAtom { Value: >= 0 } || (atom is LocalAtom l && (_positive.Contains(l.Name) || _nonNegative.Contains(l.Name)));

    /// <summary>
    /// A small sign analysis over the SSA lets (mutable locals are not tracked), sound in IEEE arithmetic: cosh, and a
    /// positive value plus a non-negative one, are positive; exp, squares, sqrt, abs, hypot, sums and products of
    /// non-negative values are non-negative (they may underflow to 0).
    /// </summary>
    private void CollectSigns(IEnumerable<Stmt> block)
    {
        foreach (Stmt s in block)
        {
            switch (s)
            {
                case LetStmt let:
                {
                    Atom a0 = let.Args.Count > 0 ? let.Args[0] : new ConstAtom(0);
                    Atom a1 = let.Args.Count > 1 ? let.Args[1] : new ConstAtom(0);
                    // Sound in floating point: a product, quotient, power or exponential of positive values may
                    // underflow to 0, so it is only non-negative; a positive value plus a non-negative one is at
                    // least the former.
                    bool positive = let.Op switch
                    {
                        OpKind.Cosh => true,
                        OpKind.Copy => Positive(a0),
                        OpKind.Add => (Positive(a0) && NonNegative(a1)) || (NonNegative(a0) && Positive(a1)),
                        _ => false,
                    };
                    bool nonNegative = positive || let.Op switch
                    {
                        OpKind.Exp or OpKind.Sqrt or OpKind.Abs or OpKind.Hypot => true,
                        OpKind.Copy => NonNegative(a0),
                        OpKind.Mul => a0.Equals(a1) || (NonNegative(a0) && NonNegative(a1)),
                        OpKind.Div => NonNegative(a0) && Positive(a1),
                        OpKind.Add => NonNegative(a0) && NonNegative(a1),
                        OpKind.Pow => NonNegative(a0),
                        _ => false,
                    };
                    if (positive)
                    {
                        _positive.Add(let.Name);
                    }
                    else if (nonNegative)
                    {
                        _nonNegative.Add(let.Name);
                    }

                    break;
                }

                case IfStmt ifs:
                    CollectSigns(ifs.Then);
                    CollectSigns(ifs.Else);
                    break;
                case LoopStmt loop:
                    CollectSigns(loop.Body);
                    break;
            }
        }
    }

    /// <summary>
    /// Values whose adjoint is kept scaled by the value (see <see cref="AdjointRules.CanScale"/>): an exp or pow read
    /// once only, as the denominator of a quotient in the same block.
    /// </summary>
    private readonly HashSet<string> _scaled = new(StringComparer.Ordinal);

    private static void CountUses(IEnumerable<Stmt> block, Dictionary<string, int> uses)
    {
        void Add(Atom? atom)
        {
            if (atom is LocalAtom local)
            {
                uses[local.Name] = uses.TryGetValue(local.Name, out int n) ? n + 1 : 1;
            }
        }

        void AddCondition(Condition c)
        {
            switch (c)
            {
                case CompareCondition cc:
                    Add(cc.Left);
                    Add(cc.Right);
                    break;
                case LogicalCondition lc:
                    AddCondition(lc.Left);
                    AddCondition(lc.Right);
                    break;
                case NotCondition nc:
                    AddCondition(nc.Operand);
                    break;
            }
        }

        foreach (Stmt s in block)
        {
            switch (s)
            {
                case LetStmt let:
                    foreach (Atom a in let.Args)
                    {
                        Add(a);
                    }

                    break;
                case MutableStmt mutable:
                    Add(mutable.Init);
                    break;
                case SetStmt set:
                    Add(set.Value);
                    break;
                case IfStmt ifs:
                    AddCondition(ifs.Condition);
                    CountUses(ifs.Then, uses);
                    CountUses(ifs.Else, uses);
                    break;
                case LoopStmt loop:
                    CountUses(loop.Body, uses);
                    break;
                case OutputStmt output:
                    Add(output.Value);
                    break;
                case ReturnStmt ret:
                    Add(ret.Value);
                    break;
            }
        }
    }

    private void CollectScaled(IReadOnlyList<Stmt> block, Dictionary<string, int> uses)
    {
        var scalable = new HashSet<string>(StringComparer.Ordinal);
        foreach (Stmt s in block)
        {
            switch (s)
            {
                case LetStmt let when let.Active && AdjointRules.CanScale(let.Op) && uses.TryGetValue(let.Name, out int n) && n == 1:
                    scalable.Add(let.Name);
                    break;
                case LetStmt { Op: OpKind.Div } div when div.Args[1] is LocalAtom d && scalable.Contains(d.Name) && !div.Args[0].Equals(div.Args[1]):
                    _scaled.Add(d.Name);
                    break;
                case IfStmt ifs:
                    CollectScaled(ifs.Then, uses);
                    CollectScaled(ifs.Else, uses);
                    break;
                case LoopStmt loop:
                    CollectScaled(loop.Body, uses);
                    break;
            }
        }
    }

    public string Type => _m.Type;

    /// <summary>The tangent of the input element at a (passive) index text, over the dual type; default <c>v[index]</c>.</summary>
    public Func<string, string>? InputTangent { get; set; }

    /// <summary>The tangent of the scalar variable number k over the dual type, when the variables are plain doubles (forward mode).</summary>
    public Func<int, string>? ScalarInputTangent { get; set; }

    /// <summary>The tangent of a residual read back (<c>f[k] += …</c>) at a (passive) index text, over the dual type.</summary>
    public Func<string, string>? OutputTangent { get; set; }

    /// <summary>Writes one residual <c>f[index] = value</c> of an <c>[Equations]</c> system (index text, value expression).</summary>
    public Action<string, string>? Output { get; set; }

    /// <summary>
    /// Top-level lets computed once before a loop over data points (see <see cref="EmitHoisted"/>) and so skipped by
    /// the primal sweep of <see cref="EmitBody"/>.
    /// </summary>
    public ISet<string>? Hoisted { get; set; }

    /// <summary>Writes the primal of the <see cref="Hoisted"/> lets, in body order.</summary>
    public void EmitHoisted()
    {
        foreach (Stmt statement in _spec.Body)
        {
            if (statement is LetStmt let && Hoisted is not null && Hoisted.Contains(let.Name))
            {
                _w.Line($"{Type} {let.Name} = {AdjointRules.Primal(let.Op, let.Args.Select(Atom).ToArray(), _m)};");
            }
        }
    }

    /// <summary>The primal sweep only: over the dual type it is forward mode (a Jacobian-vector product).</summary>
    public void EmitPrimalOnly() => Primal(_spec.Body, tapeLoops: false);

    /// <summary>The primal sweep, then the adjoint sweep; returns the expression of the value.</summary>
    public string EmitBody()
    {
        _fused = FusableLoop(_spec.Body, out _fusedSum, out _fusedNext);
        Primal(_spec.Body, tapeLoops: true);
        Adjoint(_spec.Body);
        var ret = (ReturnStmt)_spec.Body[_spec.Body.Count - 1];
        return _dual ? $"{DualSource.TypeName}.ValueOf({Atom(ret.Value)})" : Atom(ret.Value);
    }

    private static HashSet<string> CollectIdentifiers(ObjectiveSpec spec)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        void AddText(string text)
        {
            foreach (Match match in Regex.Matches(text, @"[A-Za-z_][A-Za-z0-9_]*"))
            {
                set.Add(match.Value);
            }
        }

        void Walk(IEnumerable<Stmt> block)
        {
            foreach (Stmt s in block)
            {
                AddText(s.ToString());
                switch (s)
                {
                    case IfStmt ifs:
                        Walk(ifs.Then);
                        Walk(ifs.Else);
                        break;
                    case LoopStmt loop:
                        Walk(loop.Body);
                        break;
                }
            }
        }

        Walk(spec.Body);
        foreach (ParameterSpec p in spec.Parameters)
        {
            set.Add(p.Name);
        }

        GeneratedNames n = spec.Names;
        foreach (string name in new[] { n.Gradient, n.Point, n.Direction, n.Product, n.Value }.Concat(n.ScalarAdjoints))
        {
            set.Add(name);
        }

        return set;
    }

    private void CollectActive(IEnumerable<Stmt> block)
    {
        foreach (Stmt s in block)
        {
            switch (s)
            {
                case LetStmt let when let.Active:
                    _active.Add(let.Name);
                    break;
                case MutableStmt mutable:
                    _active.Add(mutable.Name);
                    break;
                case IfStmt ifs:
                    CollectActive(ifs.Then);
                    CollectActive(ifs.Else);
                    break;
                case LoopStmt loop:
                    CollectActive(loop.Body);
                    break;
            }
        }
    }

    private string AdjointName(string local)
    {
        if (_adjointNames.TryGetValue(local, out string? name))
        {
            return name;
        }

        name = FreshName(_scaled.Contains(local) ? local + "BarScaled" : local + "Bar"); // BarScaled holds local·∂f/∂local
        _adjointNames[local] = name;
        return name;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Atoms and conditions

    public string Atom(Atom atom) => atom switch
    {
        ConstAtom c => Literals.Double(c.Value),
        LocalAtom l => l.Name,
        InputAtom i when _dual && ScalarInputTangent is not null => $"new {DualSource.TypeName}({_spec.Variables[i.Index]}, {ScalarInputTangent(i.Index)})",
        InputAtom i => _spec.Variables[i.Index],
        InputElementAtom e when _dual => $"new {DualSource.TypeName}({_spec.Variables[0]}[{e.IndexText}], {(InputTangent is null ? $"{_spec.Names.Direction}[{e.IndexText}]" : InputTangent(e.IndexText))})",
        InputElementAtom e => $"{_spec.Variables[0]}[{e.IndexText}]",
        OutputElementAtom e when _dual => $"new {DualSource.TypeName}({_spec.OutputName}[{e.IndexText}], {(OutputTangent ?? throw new InvalidOperationException("A residual read without its tangent."))(e.IndexText)})",
        OutputElementAtom e => $"{_spec.OutputName}[{e.IndexText}]",
        DataAtom d => Regex.IsMatch(d.Text, @"^[A-Za-z_][A-Za-z0-9_.:\[\]]*$") ? d.Text : "(" + d.Text + ")",
        _ => throw new InvalidOperationException("Unknown atom " + atom),
    };

    private string Condition(Condition condition) => condition switch
    {
        CompareCondition c => $"{Atom(c.Left)} {c.Operator} {Atom(c.Right)}",
        LogicalCondition l => $"({Condition(l.Left)}) {l.Operator} ({Condition(l.Right)})",
        NotCondition n => $"!({Condition(n.Operand)})",
        PassiveCondition p => p.Text,
        _ => throw new InvalidOperationException("Unknown condition " + condition),
    };

    // ---------------------------------------------------------------------------------------------------------
    // Primal sweep

    private void Primal(IEnumerable<Stmt> block, bool tapeLoops, bool skipBackEdges = false)
    {
        foreach (Stmt statement in block)
        {
            switch (statement)
            {
                case SetStmt when skipBackEdges:
                    // A top-level set in a loop body is the back edge of a carried variable. The reverse sweep re-runs
                    // an iteration to recover its intermediate values, and its adjoints need the carried variables as
                    // they were at the start of the iteration: the back edge is not taken.
                    break;
                case LetStmt let when Hoisted is not null && Hoisted.Contains(let.Name):
                    break;
                case LetStmt let:
                    _w.Line($"{Type} {let.Name} = {AdjointRules.Primal(let.Op, let.Args.Select(Atom).ToArray(), _m)};");
                    break;
                case MutableStmt mutable:
                    _w.Line(mutable.Init is null ? $"{Type} {mutable.Name};" : $"{Type} {mutable.Name} = {Atom(mutable.Init)};");
                    break;
                case SetStmt set:
                    _w.Line($"{set.Name} = {Atom(set.Value)};");
                    break;
                case PassiveStmt passive:
                    _w.Line(passive.Text);
                    break;
                case OutputStmt output:
                    if (Output is null)
                    {
                        throw new InvalidOperationException("A residual outside an [Equations] system.");
                    }

                    Output(output.IndexText, Atom(output.Value));
                    break;
                case IfStmt ifs:
                    _w.Line($"bool {ifs.ConditionName} = {Condition(ifs.Condition)};");
                    _w.Open($"if ({ifs.ConditionName})");
                    Primal(ifs.Then, tapeLoops: false);
                    _w.Close();
                    if (ifs.Else.Count > 0)
                    {
                        _w.Open("else");
                        Primal(ifs.Else, tapeLoops: false);
                        _w.Close();
                    }

                    break;
                case LoopStmt loop when ReferenceEquals(loop, _fused):
                    break; // runs forward once, with its adjoint, in the adjoint sweep (see FusableLoop)
                case LoopStmt loop:
                    PrimalLoop(loop, tapeLoops);
                    break;
                case ReturnStmt:
                    break;
            }
        }
    }

    private static string Count(LoopStmt loop) => (loop.Step, loop.Comparison) switch
    {
        (1, "<") => $"({loop.End}) - ({loop.Start})",
        (1, _) => $"({loop.End}) - ({loop.Start}) + 1",
        (_, ">") => $"({loop.Start}) - ({loop.End})",
        _ => $"({loop.Start}) - ({loop.End}) + 1",
    };

    private static string Iteration(LoopStmt loop) => loop.Step == 1 ? $"({loop.Index} - ({loop.Start}))" : $"(({loop.Start}) - {loop.Index})";

    private void PrimalLoop(LoopStmt loop, bool tape)
    {
        bool taped = tape && loop.Taped.Count > 0;
        string step = loop.Step == 1 ? "++" : "--";
        if (taped)
        {
            _w.Line($"{Type}[] {loop.TapeName} = global::System.Buffers.ArrayPool<{Type}>.Shared.Rent(global::System.Math.Max(0, {Count(loop)}) * {loop.Taped.Count});");
        }

        _w.Open($"for (int {loop.Index} = {loop.Start}; {loop.Index} {loop.Comparison} {loop.End}; {loop.Index}{step})");
        if (taped)
        {
            for (int j = 0; j < loop.Taped.Count; j++)
            {
                _w.Line($"{loop.TapeName}[{Iteration(loop)} * {loop.Taped.Count} + {j}] = {loop.Taped[j]};");
            }
        }

        Primal(loop.Body, tapeLoops: false);
        _w.Close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Adjoint sweep

    private void Adjoint(IReadOnlyList<Stmt> block)
    {
        // Adjoints of this block's locals that nested statements contribute to are declared up front; the others
        // are declared at their first (that is, last-used) contribution.
        var declaredHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (Stmt s in block)
        {
            if (s is LetStmt { Active: true } let)
            {
                declaredHere.Add(let.Name);
            }
            else if (s is MutableStmt mutable)
            {
                declaredHere.Add(mutable.Name);
            }
        }

        var nested = new HashSet<string>(StringComparer.Ordinal);
        foreach (Stmt s in block)
        {
            if (s is IfStmt or LoopStmt)
            {
                CollectReads(new[] { s }, nested);
            }
        }

        var predeclared = new List<string>();
        foreach (Stmt s in block)
        {
            string? name = s switch { LetStmt l => l.Name, MutableStmt m => m.Name, _ => null };
            if (name is not null && declaredHere.Contains(name) && nested.Contains(name))
            {
                _w.Line($"{Type} {AdjointName(name)} = 0.0;");
                _declared.Add(name);
                _zeroed.Add(name);
                predeclared.Add(name);
            }
        }

        var lazy = new HashSet<string>(declaredHere.Where(n => !nested.Contains(n)), StringComparer.Ordinal);
        _lazy.Push(lazy);
        for (int k = block.Count - 1; k >= 0; k--)
        {
            AdjointStatement(block[k]);
        }

        FlushEntries();
        _lazy.Pop();
        foreach (string name in declaredHere)
        {
            _declared.Remove(name);
        }
    }

    private static void CollectReads(IEnumerable<Stmt> block, HashSet<string> names)
    {
        void Add(Atom? atom)
        {
            if (atom is LocalAtom local)
            {
                names.Add(local.Name);
            }
        }

        void AddCondition(Condition c)
        {
            switch (c)
            {
                case CompareCondition cc:
                    Add(cc.Left);
                    Add(cc.Right);
                    break;
                case LogicalCondition lc:
                    AddCondition(lc.Left);
                    AddCondition(lc.Right);
                    break;
                case NotCondition nc:
                    AddCondition(nc.Operand);
                    break;
            }
        }

        foreach (Stmt s in block)
        {
            switch (s)
            {
                case LetStmt let:
                    foreach (Atom a in let.Args)
                    {
                        Add(a);
                    }

                    break;
                case MutableStmt mutable:
                    Add(mutable.Init);
                    break;
                case SetStmt set:
                    names.Add(set.Name);
                    Add(set.Value);
                    break;
                case IfStmt ifs:
                    AddCondition(ifs.Condition);
                    CollectReads(ifs.Then, names);
                    CollectReads(ifs.Else, names);
                    break;
                case LoopStmt loop:
                    CollectReads(loop.Body, names);
                    names.UnionWith(loop.Taped);
                    break;
                case ReturnStmt ret:
                    Add(ret.Value);
                    break;
            }
        }
    }

    private void AdjointStatement(Stmt statement)
    {
        switch (statement)
        {
            case ReturnStmt ret:
                Contribute(ret.Value, Seed);
                break;
            case LetStmt let when _fusedNext is not null && let.Name == _fusedNext:
                // s' = s + e in the fused loop: the adjoints of s' and s are the seed in every iteration (s keeps it, as
                // the back edge's reverse would give it back), so e receives the seed as a constant the JIT folds.
                foreach (Atom argument in let.Args)
                {
                    if (!(argument is LocalAtom local && local.Name == _fusedSum))
                    {
                        Contribute(argument, Seed);
                    }
                }

                break;
            case LetStmt let:
            {
                if (!let.Active || !_declared.Contains(let.Name))
                {
                    break;
                }

                string[] args = let.Args.Select(Atom).ToArray();
                string adjoint = AdjointName(let.Name);
                var contributions = AdjointRules.Contributions(let.Op, let.Args.AsImmutableArray(), args, let.Name, adjoint, _m, _scaled.Contains(let.Name), let.Op == OpKind.Pow && Positive(let.Args[0]));
                foreach ((int argument, string expression) in contributions)
                {
                    bool scaledDenominator = let.Op == OpKind.Div && argument == 1 && let.Args[1] is LocalAtom d && _scaled.Contains(d.Name);
                    Contribute(let.Args[argument], scaledDenominator ? AdjointRules.ScaledDenominatorContribution(let.Name, adjoint) : expression);
                }

                break;
            }

            case SetStmt set when _fusedSum is not null && set.Name == _fusedSum && set.Value is LocalAtom { Name: var value } && value == _fusedNext:
                break; // the fused loop's back edge s = s': both adjoints stay the seed
            case SetStmt set:
                if (_declared.Contains(set.Name))
                {
                    Contribute(set.Value, AdjointName(set.Name));
                    _w.Line($"{AdjointName(set.Name)} = 0.0;");
                    _zeroed.Add(set.Name);
                }

                break;
            case MutableStmt mutable:
                if (mutable.Init is not null && _declared.Contains(mutable.Name))
                {
                    Contribute(mutable.Init, AdjointName(mutable.Name));
                }

                break;
            case IfStmt ifs:
                if (!HasActive(ifs.Then) && !HasActive(ifs.Else))
                {
                    break;
                }

                FlushEntries();
                _nesting++;
                _zeroed.Clear();
                _w.Open($"if ({ifs.ConditionName})");
                Primal(ifs.Then, tapeLoops: true);
                Adjoint(ifs.Then);
                _w.Close();
                if (HasActive(ifs.Else))
                {
                    _w.Open("else");
                    Primal(ifs.Else, tapeLoops: true);
                    Adjoint(ifs.Else);
                    _w.Close();
                }

                _nesting--;
                _zeroed.Clear();

                break;
            case LoopStmt loop:
                FlushEntries();
                _nesting++;
                _zeroed.Clear();
                if (ReferenceEquals(loop, _fused))
                {
                    FusedLoop(loop);
                }
                else
                {
                    AdjointLoop(loop);
                }

                _nesting--;
                _zeroed.Clear();

                break;
        }
    }

    private bool HasActive(IEnumerable<Stmt> block) => block.Any(s => s switch
    {
        LetStmt let => let.Active,
        SetStmt or MutableStmt => true,
        IfStmt ifs => HasActive(ifs.Then) || HasActive(ifs.Else),
        LoopStmt loop => HasActive(loop.Body),
        _ => false,
    });

    /// <summary>
    /// When set (plain doubles, scalar variables), a scalar variable's adjoint whose first contribution in the reverse
    /// sweep is unconditional — at the top level, not inside a branch or loop — is assigned there rather than
    /// initialized to 0 and accumulated: <c>0.0 + e</c> is not <c>e</c> in IEEE arithmetic (for e = −0), so the JIT
    /// keeps the addition. <see cref="InitializedInputs"/> then lists the variables that still need <c>= 0.0</c>.
    /// </summary>
    public bool AssignFirstInputAdjoints { get; set; }

    private readonly HashSet<int> _touchedInputs = new();

    /// <summary>Adjoints set to 0 by a back edge's reverse in the current straight-line stretch, not yet contributed to.</summary>
    private readonly HashSet<string> _zeroed = new(StringComparer.Ordinal);
    private readonly HashSet<int> _assignedInputs = new();
    private int _nesting;

    /// <summary>The scalar variables whose adjoint must start at 0 (all of them unless <see cref="AssignFirstInputAdjoints"/>).</summary>
    public IEnumerable<int> InitializedInputs => Enumerable.Range(0, _spec.Names.ScalarAdjoints.Count).Where(k => !_assignedInputs.Contains(k));

    /// <summary>The loop run once, forward, with its adjoint (see <see cref="FusableLoop"/>), or null.</summary>
    private LoopStmt? _fused;

    /// <summary>
    /// A body that ends <c>for (…) { … s = s + e; } return s;</c> — the loop the last statement before the return, its
    /// only loop-carried value the returned sum s, read in the loop only by that one addition, and no tape — needs no
    /// separate reverse loop: the adjoint of s is the return's seed in every iteration, and the iterations are
    /// otherwise independent, so each can run its adjoint right after its primal, in forward order. One pass over the
    /// data instead of two (the primal sweep then the reverse sweep re-running every iteration).
    /// </summary>
    private static LoopStmt? FusableLoop(IReadOnlyList<Stmt> body, out string? sumName, out string? nextName)
    {
        sumName = null;
        nextName = null;
        if (body.Count < 2 || body[body.Count - 1] is not ReturnStmt { Value: LocalAtom sum } || body[body.Count - 2] is not LoopStmt loop || loop.Taped.Count > 0)
        {
            return null;
        }

        var sets = new List<SetStmt>();
        var declaredInside = new HashSet<string>(StringComparer.Ordinal);
        void Walk(IEnumerable<Stmt> block)
        {
            foreach (Stmt s in block)
            {
                switch (s)
                {
                    case SetStmt set:
                        sets.Add(set);
                        break;
                    case MutableStmt mutable:
                        declaredInside.Add(mutable.Name);
                        break;
                    case LetStmt let:
                        declaredInside.Add(let.Name);
                        break;
                    case IfStmt ifs:
                        Walk(ifs.Then);
                        Walk(ifs.Else);
                        break;
                    case LoopStmt inner:
                        if (inner.Taped.Count > 0)
                        {
                            sets.Add(new SetStmt(string.Empty, sum)); // a taped inner loop: keep the general form
                        }

                        Walk(inner.Body);
                        break;
                }
            }
        }

        Walk(loop.Body);
        var carried = sets.Where(set => !declaredInside.Contains(set.Name)).ToList();
        if (carried.Count != 1 || carried[0].Name != sum.Name || !loop.Body.Contains(carried[0]) || carried[0].Value is not LocalAtom next)
        {
            return null;
        }

        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        CountUses(loop.Body, uses);
        LetStmt? add = loop.Body.OfType<LetStmt>().FirstOrDefault(l => l.Name == next.Name);
        bool isSum = add is { Op: OpKind.Add } && (add.Args[0].Equals(sum) ^ add.Args[1].Equals(sum));
        if (!(isSum && uses.TryGetValue(sum.Name, out int sumUses) && sumUses == 1 && uses.TryGetValue(next.Name, out int nextUses) && nextUses == 1))
        {
            return null;
        }

        sumName = sum.Name;
        nextName = next.Name;
        return loop;
    }

    /// <summary>The fused loop's sum s and its update s' = s + e: inside the loop both adjoints are the return's seed.</summary>
    private string? _fusedSum;
    private string? _fusedNext;

    /// <summary>The return's seed, the adjoint of the returned value.</summary>
    private const string Seed = "1.0";

    /// <summary>The fused loop: forward, each iteration's primal (back edge taken) then its adjoint.</summary>
    private void FusedLoop(LoopStmt loop)
    {
        string step = loop.Step == 1 ? "++" : "--";
        CarryState? carry = CarryFor(loop);
        if (carry is not null)
        {
            _w.Line($"{Type} {carry.Name} = 0.0;");
        }

        _w.Open($"for (int {loop.Index} = {loop.Start}; {loop.Index} {loop.Comparison} {loop.End}; {loop.Index}{step})");
        _carry = carry;
        Primal(loop.Body, tapeLoops: true);
        Adjoint(loop.Body);
        _carry = null;
        _w.Close();
        if (carry is not null)
        {
            // The last iteration's carried share: of the entry after it (x[i + 1]) or of its own (x[i − 1]).
            string after = (carry.Stored == loop.Index, loop.Comparison == "<") switch
            {
                (true, true) => loop.End,
                (true, false) => $"({loop.End}) + 1",
                (false, true) => $"({loop.End}) - 1",
                (false, false) => loop.End,
            };
            _w.Open($"if ({loop.Start} {loop.Comparison} {loop.End})");
            _w.Line(AddToEntry(after, carry.Name));
            _w.Close();
        }
    }

    /// <summary>
    /// A fused loop i = a, a + 1, … whose body (straight-line, no nested branch or loop) reads x[i + 1] contributes to
    /// gradient[i + 1] in iteration i and to the same entry, as gradient[i], in iteration i + 1. The first share is
    /// carried in a local to the next iteration, which stores both with its own: one read-modify-write of memory per
    /// entry instead of two (the chained sums Σ f(xᵢ, xᵢ₊₁) of Rosenbrock-like and smoothing terms). Same sums in the
    /// same order: gradient[i] + (carried + own) with gradient[i] = 0 before, as (0 + carried) + own was before.
    /// A body that reads x[i − 1] instead carries its share of gradient[i] and stores it with the next iteration's
    /// share of the same entry, its gradient[i − 1].
    /// </summary>
    private CarryState? CarryFor(LoopStmt loop)
    {
        if (loop.Step != 1 || loop.Body.Any(s => s is IfStmt or LoopStmt))
        {
            return null;
        }

        bool Reads(string text) =>
            loop.Body.OfType<LetStmt>().Any(let => let.Active && let.Args.Any(a => a is InputElementAtom { IndexText: var index } && index == text))
            || loop.Body.OfType<MutableStmt>().Any(m => m.Init is InputElementAtom { IndexText: var index } && index == text);
        string next = loop.Index + " + 1";
        string previous = loop.Index + " - 1";
        (string Stored, string Carried)? entries = Reads(next) ? (loop.Index, next) : Reads(previous) ? (previous, loop.Index) : null;
        return entries is { } e ? new CarryState(FreshName(_spec.Names.Gradient + "Carried"), e.Stored, e.Carried) : null;
    }

    private string FreshName(string stem)
    {
        string name = stem;
        for (int k = 1; _reserved.Contains(name); k++)
        {
            name = stem + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _reserved.Add(name);
        return name;
    }

    /// <summary>The carried share of gradient[i + 1] in a fused loop (see <see cref="CarryFor"/>).</summary>
    private sealed class CarryState(string name, string stored, string carried)
    {
        public string Name { get; } = name;

        /// <summary>The entry stored in each iteration, with the carried share: <c>i</c> (or <c>i - 1</c>).</summary>
        public string Stored { get; } = stored;

        /// <summary>The entry whose share is carried to the next iteration: <c>i + 1</c> (or <c>i</c>).</summary>
        public string Carried { get; } = carried;

        /// <summary>Whether an index text is one of the two entries the carry handles.</summary>
        public bool Handles(string index) => index == Stored || index == Carried;
    }

    private CarryState? _carry;

    private void AdjointLoop(LoopStmt loop)
    {
        if (!HasActive(loop.Body))
        {
            return;
        }

        string header = (loop.Step, loop.Comparison) switch
        {
            (1, "<") => $"for (int {loop.Index} = ({loop.End}) - 1; {loop.Index} >= {loop.Start}; {loop.Index}--)",
            (1, _) => $"for (int {loop.Index} = {loop.End}; {loop.Index} >= {loop.Start}; {loop.Index}--)",
            (_, ">") => $"for (int {loop.Index} = ({loop.End}) + 1; {loop.Index} <= {loop.Start}; {loop.Index}++)",
            _ => $"for (int {loop.Index} = {loop.End}; {loop.Index} <= {loop.Start}; {loop.Index}++)",
        };
        _w.Open(header);
        for (int j = 0; j < loop.Taped.Count; j++)
        {
            _w.Line($"{loop.Taped[j]} = {loop.TapeName}[{Iteration(loop)} * {loop.Taped.Count} + {j}];");
        }

        Primal(loop.Body, tapeLoops: true, skipBackEdges: true);
        Adjoint(loop.Body);
        _w.Close();
        if (loop.Taped.Count > 0)
        {
            _w.Line($"global::System.Buffers.ArrayPool<{Type}>.Shared.Return({loop.TapeName});");
        }
    }

    private void Contribute(Atom atom, string expression)
    {
        switch (atom)
        {
            case LocalAtom local when _active.Contains(local.Name):
            {
                string adjoint = AdjointName(local.Name);
                if (_declared.Contains(local.Name) && _zeroed.Remove(local.Name))
                {
                    // Zeroed just before in this straight-line stretch: 0.0 + e is not e in IEEE, so assign.
                    _w.Line($"{adjoint} = {expression};");
                }
                else if (_declared.Contains(local.Name))
                {
                    _w.Line($"{adjoint} += {expression};");
                }
                else if (_lazy.Count > 0 && _lazy.Peek().Contains(local.Name))
                {
                    _w.Line($"{Type} {adjoint} = {expression};");
                    _declared.Add(local.Name);
                }
                else
                {
                    throw new InvalidOperationException($"The adjoint of '{local.Name}' is used outside its scope.");
                }

                break;
            }

            case InputAtom input:
                if (AssignFirstInputAdjoints && _touchedInputs.Add(input.Index) && _nesting == 0)
                {
                    _assignedInputs.Add(input.Index);
                    _w.Line($"{_spec.Names.ScalarAdjoints[input.Index]} = {expression};");
                }
                else
                {
                    _w.Line($"{_spec.Names.ScalarAdjoints[input.Index]} += {expression};");
                }

                break;
            case InputElementAtom element:
                ContributeToElement(element.IndexText, expression);
                break;
        }
    }

    /// <summary>Gradient entries contributed to in the current straight-line stretch, by index text, in first-seen order.</summary>
    private readonly Dictionary<string, PendingEntry> _pending = new(StringComparer.Ordinal);
    private readonly List<string> _pendingOrder = new();

    private sealed class PendingEntry(WrittenLine first, string firstExpression)
    {
        public WrittenLine First { get; } = first;

        public string FirstExpression { get; } = firstExpression;

        public string? Sum { get; set; }
    }

    /// <summary>
    /// gradient[i] += e. A second contribution to the same entry in one straight-line stretch turns the first into a
    /// local sum (<c>double gradientEntry = e₁; gradientEntry += e₂;</c>) stored once when the stretch ends
    /// (<see cref="FlushEntries"/>): one read-modify-write of memory per entry instead of one per contribution. The
    /// terms are still evaluated where they arise, so later changes to the adjoints they read cannot reach them.
    /// </summary>
    private void ContributeToElement(string index, string expression)
    {
        if (_carry is not null && _carry.Handles(index) && !_pending.ContainsKey(index))
        {
            // In a carrying loop both entries are summed locally from the first contribution on (see FlushEntries).
            string sum = FreshName(_spec.Names.Gradient + (index == _carry.Carried ? "Next" : "Entry"));
            WrittenLine line = _w.Line($"{Type} {sum} = {expression};");
            _pending[index] = new PendingEntry(line, expression) { Sum = sum };
            _pendingOrder.Add(index);
            return;
        }

        if (!_pending.TryGetValue(index, out PendingEntry? entry))
        {
            WrittenLine line = _w.Line(AddToEntry(index, expression));
            _pending[index] = new PendingEntry(line, expression);
            _pendingOrder.Add(index);
            return;
        }

        if (entry.Sum is null)
        {
            string name = FreshName(_spec.Names.Gradient + "Entry");
            entry.Sum = name;
            entry.First.Text = $"{Type} {name} = {entry.FirstExpression};";
        }

        _w.Line($"{entry.Sum} += {expression};");
    }

    /// <summary>gradient[i] += e, or over the dual type gradient[i] += e.V and product[i] += e.T.</summary>
    private string AddToEntry(string index, string expression) => _dual
        ? $"{DualSource.TypeName}.Accumulate({_spec.Names.Gradient}, {_spec.Names.Product}, {index}, {expression});"
        : $"{_spec.Names.Gradient}[{index}] += {expression};";

    /// <summary>Ends a straight-line stretch: the entries summed locally are added to the gradient.</summary>
    private void FlushEntries()
    {
        if (_carry is not null)
        {
            // The end of a carrying loop's body (it has no nested blocks, so this is the only flush): this entry gets
            // the previous iteration's carried share with its own, and this iteration's share of the next is carried.
            string own = _pending.TryGetValue(_carry.Stored, out PendingEntry? stored) ? $"{_carry.Name} + {stored.Sum}" : _carry.Name;
            _w.Line(AddToEntry(_carry.Stored, own));
            _w.Line(_pending.TryGetValue(_carry.Carried, out PendingEntry? carried) ? $"{_carry.Name} = {carried.Sum};" : $"{_carry.Name} = 0.0;");
        }

        foreach (string index in _pendingOrder)
        {
            if (_carry?.Handles(index) != true && _pending[index].Sum is string sum)
            {
                _w.Line(AddToEntry(index, sum));
            }
        }

        _pending.Clear();
        _pendingOrder.Clear();
    }

    private sealed class DoubleSyntax : INumberSyntax
    {
        public static readonly DoubleSyntax Instance = new();

        public string Type => "double";

        public string Function(string name) => name == "Hypot" ? "double.Hypot" : "global::System.Math." + name;

        public string Select(string condition, string value) => $"({condition} ? {value} : 0.0)";
    }

    private sealed class DualSyntax : INumberSyntax
    {
        public static readonly DualSyntax Instance = new();

        public string Type => DualSource.TypeName;

        public string Function(string name) => DualSource.TypeName + "." + name;

        public string Select(string condition, string value) => $"({condition} ? {value} : {DualSource.TypeName}.Zero)";
    }
}
