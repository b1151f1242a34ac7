namespace OptimizeGen.Generators.Model;

// The differentiation IR: scalar SSA values in structured control flow. Plain data only — strings, numbers, enums,
// records and EquatableArray — so that the incremental pipeline can compare two runs and cache. An ISymbol, a
// SyntaxNode or a Compilation here would defeat caching (and keep whole compilations alive); a test walks these
// types by reflection to prove none creeps in.

/// <summary>An operand: a constant, an SSA local, a differentiable input, or passive data.</summary>
internal abstract record Atom;

/// <summary>A numeric literal or a folded constant.</summary>
internal sealed record ConstAtom(double Value) : Atom;

/// <summary>A double local of the generated code (an SSA version, a phi or a loop-carried variable).</summary>
internal sealed record LocalAtom(string Name) : Atom;

/// <summary>The scalar differentiable parameter number <see cref="Index"/>.</summary>
internal sealed record InputAtom(int Index) : Atom;

/// <summary>An element <c>x[Index]</c> of the vector differentiable parameter; the index is passive C# text.</summary>
internal sealed record InputElementAtom(string IndexText) : Atom;

/// <summary>A residual <c>f[Index]</c> of an <c>[Equations]</c> system read back after it was written (its current value and tangent).</summary>
internal sealed record OutputElementAtom(string IndexText) : Atom;

/// <summary>A passive double expression (fields, properties, constants, data parameters), kept as C# text.</summary>
internal sealed record DataAtom(string Text) : Atom;

/// <summary>The operations of the IR. Each has its adjoint rule in Differentiation/AdjointRules.cs.</summary>
internal enum OpKind
{
    Copy,
    Add,
    Sub,
    Mul,
    Div,
    Neg,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Exp,
    Log,
    LogBase,
    Log10,
    Log2,
    Pow,
    Sqrt,
    Cbrt,
    Abs,
    Max,
    Min,
    Clamp,
    Sign,
    Floor,
    Ceiling,
    Round,
    FusedMultiplyAdd,
    Hypot,
}

/// <summary>A boolean condition: comparisons of atoms, combinations, or passive C# text.</summary>
internal abstract record Condition;

internal sealed record CompareCondition(string Operator, Atom Left, Atom Right) : Condition;

internal sealed record LogicalCondition(string Operator, Condition Left, Condition Right) : Condition;

internal sealed record NotCondition(Condition Operand) : Condition;

internal sealed record PassiveCondition(string Text) : Condition;

/// <summary>A statement of the IR.</summary>
internal abstract record Stmt;

/// <summary><c>double Name = Op(Args);</c> — a new SSA value. <see cref="Active"/> is false when it depends on no input.</summary>
internal sealed record LetStmt(string Name, OpKind Op, EquatableArray<Atom> Args, bool Active) : Stmt;

/// <summary><c>double Name = Init;</c> (or <c>double Name;</c>) — a mutable local: a phi of an if, or loop-carried state.</summary>
internal sealed record MutableStmt(string Name, Atom? Init) : Stmt;

/// <summary><c>Name = Value;</c> — the assignment of a mutable local at the end of a branch or loop body.</summary>
internal sealed record SetStmt(string Name, Atom Value) : Stmt;

/// <summary>A passive statement kept as C# text (an integer local).</summary>
internal sealed record PassiveStmt(string Text) : Stmt;

/// <summary><c>bool CondName = Cond; if (CondName) { Then } else { Else }</c>.</summary>
internal sealed record IfStmt(string ConditionName, Condition Condition, EquatableArray<Stmt> Then, EquatableArray<Stmt> Else) : Stmt;

/// <summary>
/// A counted loop <c>for (int Index = Start; Index Comparison End; Index += Step)</c>, Step = ±1, with its loop-carried
/// double variables. <see cref="Taped"/> lists those whose value at the start of each iteration must be recorded for
/// the reverse sweep; the others (reductions such as <c>sum += g(x[i])</c>) need no tape.
/// </summary>
internal sealed record LoopStmt(
    string Index,
    string Start,
    string End,
    string Comparison,
    int Step,
    EquatableArray<Stmt> Body,
    EquatableArray<string> Taped,
    string TapeName) : Stmt;

/// <summary><c>f[Index] = Value;</c> — one equation of an <c>[Equations]</c> system (IndexText is passive C# text).</summary>
internal sealed record OutputStmt(string IndexText, Atom Value) : Stmt;

/// <summary>The method's value. Always the last statement of the top-level block.</summary>
internal sealed record ReturnStmt(Atom Value) : Stmt;
