using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptimizeGen.Generators.Diagnostics;
using OptimizeGen.Generators.Model;

namespace OptimizeGen.Generators.Parsing;

internal sealed partial class ObjectiveParser
{
    /// <summary>System.Math functions of the subset (also as double's statics: double.Sin, double.Hypot): name and arity → op.</summary>
    private static readonly Dictionary<(string Name, int Arity), OpKind> MathFunctions = new()
    {
        [("Sin", 1)] = OpKind.Sin, [("Cos", 1)] = OpKind.Cos, [("Tan", 1)] = OpKind.Tan,
        [("Asin", 1)] = OpKind.Asin, [("Acos", 1)] = OpKind.Acos, [("Atan", 1)] = OpKind.Atan, [("Atan2", 2)] = OpKind.Atan2,
        [("Sinh", 1)] = OpKind.Sinh, [("Cosh", 1)] = OpKind.Cosh, [("Tanh", 1)] = OpKind.Tanh,
        [("Asinh", 1)] = OpKind.Asinh, [("Acosh", 1)] = OpKind.Acosh, [("Atanh", 1)] = OpKind.Atanh,
        [("Exp", 1)] = OpKind.Exp, [("Log", 1)] = OpKind.Log, [("Log", 2)] = OpKind.LogBase, [("Log10", 1)] = OpKind.Log10,
        [("Log2", 1)] = OpKind.Log2, [("Pow", 2)] = OpKind.Pow, [("Sqrt", 1)] = OpKind.Sqrt, [("Cbrt", 1)] = OpKind.Cbrt,
        [("Abs", 1)] = OpKind.Abs, [("Max", 2)] = OpKind.Max, [("Min", 2)] = OpKind.Min, [("Clamp", 3)] = OpKind.Clamp,
        [("Sign", 1)] = OpKind.Sign, [("Floor", 1)] = OpKind.Floor, [("Ceiling", 1)] = OpKind.Ceiling, [("Round", 1)] = OpKind.Round,
        [("FusedMultiplyAdd", 3)] = OpKind.FusedMultiplyAdd, [("Hypot", 2)] = OpKind.Hypot,
    };

    private static readonly Dictionary<OpKind, string> NonSmoothPieces = new()
    {
        [OpKind.Abs] = "sign(x) away from 0, 0 at 0",
        [OpKind.Max] = "the derivative of the larger argument",
        [OpKind.Min] = "the derivative of the smaller argument",
        [OpKind.Clamp] = "1 inside the bounds, 0 outside",
        [OpKind.Sign] = "0 everywhere",
        [OpKind.Floor] = "0 everywhere",
        [OpKind.Ceiling] = "0 everywhere",
        [OpKind.Round] = "0 everywhere",
    };

    /// <summary>Lowers a double expression to an atom, emitting the three-address statements that compute it.</summary>
    private Atom? Lower(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!ReferencesActive(expression))
        {
            return LowerPassive(expression);
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Lower(parenthesized.Expression);

            case CastExpressionSyntax cast:
            {
                ITypeSymbol? type = _model.GetTypeInfo(cast.Type, _cancellationToken).Type;
                if (type?.SpecialType == SpecialType.System_Double)
                {
                    return Lower(cast.Expression);
                }

                Report(DiagnosticDescriptors.UnsupportedExpression, cast.GetLocation(), Describe(cast), ": a differentiable value cannot be converted to another type");
                return null;
            }

            case CheckedExpressionSyntax checkedExpression:
                return Lower(checkedExpression.Expression);

            case IdentifierNameSyntax identifier:
            {
                ISymbol? symbol = _model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
                if (symbol is not null && _env.TryGetValue(symbol, out Atom? atom))
                {
                    if (atom is null)
                    {
                        Report(DiagnosticDescriptors.UnsupportedExpression, identifier.GetLocation(), identifier.Identifier.Text, ": the variable is not assigned yet");
                    }

                    return atom;
                }

                Report(DiagnosticDescriptors.UnsupportedExpression, identifier.GetLocation(), identifier.Identifier.Text, string.Empty);
                return null;
            }

            case ElementAccessExpressionSyntax element
                when _vector is not null && element.ArgumentList.Arguments.Count == 1
                && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(element.Expression, _cancellationToken).Symbol, _vector):
            {
                ExpressionSyntax index = element.ArgumentList.Arguments[0].Expression;
                if (ReferencesActive(index) || index is RangeExpressionSyntax)
                {
                    Report(DiagnosticDescriptors.UnsupportedExpression, index.GetLocation(), Describe(index), ": an index is an integer computed from data");
                    return null;
                }

                return new InputElementAtom(Render(index));
            }

            case ElementAccessExpressionSyntax element
                when _output is not null && element.ArgumentList.Arguments.Count == 1
                && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(element.Expression, _cancellationToken).Symbol, _output):
            {
                // A residual read back after it was written (MINPACK's f[k] = 0; … f[k] += …): its current value and tangent.
                ExpressionSyntax index = element.ArgumentList.Arguments[0].Expression;
                if (ReferencesActive(index) || index is RangeExpressionSyntax)
                {
                    Report(DiagnosticDescriptors.UnsupportedExpression, index.GetLocation(), Describe(index), ": an index is an integer computed from data");
                    return null;
                }

                return new OutputElementAtom(Render(index));
            }

            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                return Lower(unary.Operand) is { } negated ? Let(OpKind.Neg, negated) : null;

            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                return Lower(unary.Operand);

            case BinaryExpressionSyntax binary:
                return LowerBinary(binary);

            case ConditionalExpressionSyntax conditional:
                return LowerConditional(conditional);

            case InvocationExpressionSyntax invocation:
                return LowerInvocation(invocation);

            case AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax:
                Report(DiagnosticDescriptors.UnsupportedExpression, expression.GetLocation(), Describe(expression), ": assignments are statements");
                return null;

            default:
                Report(DiagnosticDescriptors.UnsupportedExpression, expression.GetLocation(), Describe(expression), string.Empty);
                return null;
        }
    }

    private Atom? LowerPassive(ExpressionSyntax expression)
    {
        TypeInfo info = _model.GetTypeInfo(expression, _cancellationToken);
        ITypeSymbol? type = info.ConvertedType ?? info.Type;
        if (type is null || !(type.SpecialType is SpecialType.System_Double or SpecialType.System_Int32 or SpecialType.System_Int64
            or SpecialType.System_Single or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_UInt32 or SpecialType.System_Decimal))
        {
            Report(DiagnosticDescriptors.UnsupportedExpression, expression.GetLocation(), Describe(expression), ": expected a number");
            return null;
        }

        Optional<object?> constant = _model.GetConstantValue(expression, _cancellationToken);
        if (constant.HasValue && constant.Value is not null and not string and not bool && info.Type?.SpecialType != SpecialType.System_Decimal)
        {
            double value = Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture);
            if (info.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 || info.Type?.SpecialType == SpecialType.System_Double)
            {
                return new ConstAtom(value);
            }
        }

        string text = Render(expression);
        return info.Type?.SpecialType == SpecialType.System_Double ? new DataAtom(text) : new DataAtom("(double)(" + text + ")");
    }

    private Atom? LowerBinary(BinaryExpressionSyntax binary)
    {
        ITypeSymbol? type = _model.GetTypeInfo(binary, _cancellationToken).Type;
        OpKind? op = binary.Kind() switch
        {
            SyntaxKind.AddExpression => OpKind.Add,
            SyntaxKind.SubtractExpression => OpKind.Sub,
            SyntaxKind.MultiplyExpression => OpKind.Mul,
            SyntaxKind.DivideExpression => OpKind.Div,
            _ => null,
        };
        if (type?.SpecialType != SpecialType.System_Double)
        {
            if (binary.IsKind(SyntaxKind.DivideExpression))
            {
                Report(DiagnosticDescriptors.IntegerDivision, binary.GetLocation(), Describe(binary));
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedExpression, binary.GetLocation(), Describe(binary),
                    type?.SpecialType is SpecialType.System_Single or SpecialType.System_Decimal
                        ? $": a differentiable value cannot be computed in {type.ToDisplayString()}; compute in double"
                        : ": a differentiable value cannot be converted to an integer");
            }

            return null;
        }

        if (op is null)
        {
            Report(DiagnosticDescriptors.UnsupportedExpression, binary.GetLocation(), Describe(binary),
                binary.IsKind(SyntaxKind.ModuloExpression) ? ": % has no derivative at its jumps; use Math.Floor explicitly" : string.Empty);
            return null;
        }

        Atom? left = Lower(binary.Left);
        Atom? right = Lower(binary.Right);
        if (left is null || right is null)
        {
            return null;
        }

        return Let(op.Value, left, right);
    }

    private Atom? LowerConditional(ConditionalExpressionSyntax conditional)
    {
        // c ? a : b becomes an if with a phi, so that only the taken branch is evaluated (and differentiated).
        Condition? condition = LowerCondition(conditional.Condition);
        if (condition is null)
        {
            return null;
        }

        string phi = _names.Fresh("select");
        _current.Add(new MutableStmt(phi, null));
        _mutableLocals.Add(phi);
        _activeLocals.Add(phi);
        List<Stmt> outer = _current;
        var before = new Dictionary<ISymbol, Atom?>(_env, SymbolEqualityComparer.Default);

        _current = new List<Stmt>();
        Atom? whenTrue = Lower(conditional.WhenTrue);
        if (whenTrue is not null)
        {
            _current.Add(new SetStmt(phi, whenTrue));
        }

        List<Stmt> thenBlock = _current;
        _current = new List<Stmt>();
        Atom? whenFalse = Lower(conditional.WhenFalse);
        if (whenFalse is not null)
        {
            _current.Add(new SetStmt(phi, whenFalse));
        }

        List<Stmt> elseBlock = _current;
        _current = outer;
        RestoreEnvironment(before);
        _current.Add(new IfStmt(_names.Fresh("c"), condition, thenBlock.ToEquatableArray(), elseBlock.ToEquatableArray()));
        return new LocalAtom(phi);
    }

    private Atom? LowerInvocation(InvocationExpressionSyntax invocation)
    {
        if (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol method)
        {
            Report(DiagnosticDescriptors.UnsupportedExpression, invocation.GetLocation(), Describe(invocation), string.Empty);
            return null;
        }

        string container = method.ContainingType?.ToDisplayString() ?? string.Empty;
        var arguments = invocation.ArgumentList.Arguments;

        // double.Sin, double.Exp, … (the generic-math statics of double) are System.Math's functions.
        string prefix = container == "double" ? "double." : "Math.";
        if ((container == "System.Math" || container == "double")
            && MathFunctions.TryGetValue((method.Name, arguments.Count), out OpKind op)
            && method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double)
            && arguments.All(a => a.NameColon is null))
        {
            if (NonSmoothPieces.TryGetValue(op, out string? pieces))
            {
                Report(DiagnosticDescriptors.NonSmooth, invocation.GetLocation(), prefix + method.Name, pieces);
            }

            var args = new List<Atom>();
            foreach (ArgumentSyntax argument in arguments)
            {
                Atom? atom = Lower(argument.Expression);
                if (atom is null)
                {
                    return null;
                }

                args.Add(atom);
            }

            if (op == OpKind.Pow && args[1] is ConstAtom exponent)
            {
                return LowerConstantPower(args[0], exponent.Value);
            }

            return Let(op, args.ToArray());
        }

        if ((container == "System.Math" || container == "double") && method.Name == "Round"
            && method.Parameters.Length is 2 or 3 && method.Parameters[0].Type.SpecialType == SpecialType.System_Double
            && method.ReturnType.SpecialType == SpecialType.System_Double && arguments.All(a => a.NameColon is null))
        {
            return LowerRoundWith(invocation, prefix + method.Name);
        }

        if (HasAttribute(method, ObjectiveAttributeName) || HasAttribute(method, DifferentiableAttributeName))
        {
            return Inline(invocation, method);
        }

        // The math classes: say what to write instead rather than suggest [Differentiable], which cannot go there.
        if (container is "System.MathF" or "float")
        {
            string instead = MathFunctions.Keys.Any(k => k.Name == method.Name) ? "Math." + method.Name : "the System.Math functions";
            Report(DiagnosticDescriptors.UnsupportedExpression, invocation.GetLocation(), Describe(invocation),
                $": {(container == "float" ? "float." : "MathF.")}{method.Name} computes in float, and the variables and their derivatives are double; write {instead} with double arguments");
            return null;
        }

        if (container is "System.Math" or "double" && arguments.Any(a => a.NameColon is not null))
        {
            Report(DiagnosticDescriptors.UnsupportedExpression, invocation.GetLocation(), Describe(invocation),
                $": pass the arguments of {prefix}{method.Name} in order, without names");
            return null;
        }

        if (container is "System.Math" or "double")
        {
            Report(DiagnosticDescriptors.UnsupportedExpression, invocation.GetLocation(), Describe(invocation),
                $": {prefix}{method.Name} with these arguments has no derivative rule; the subset has {SupportedFunctions}, and any method of data only");
            return null;
        }

        Report(DiagnosticDescriptors.NotDifferentiableCall, invocation.GetLocation(), method.ContainingType is null ? method.Name : method.ContainingType.Name + "." + method.Name);
        return null;
    }

    /// <summary>The functions of the subset, for messages: "Sin, Cos, …, Round(x, digits), FusedMultiplyAdd, Hypot".</summary>
    private static string SupportedFunctions =>
        string.Join(", ", MathFunctions.Keys.Select(k => k.Name).Distinct()) + " (also Round(x, digits) and Round(x, mode))";

    /// <summary>
    /// Math.Round(x, digits), Math.Round(x, mode) and Math.Round(x, digits, mode): piecewise constant like Round(x),
    /// with the digits and the mode data. The extra arguments are passed through as data text.
    /// </summary>
    private Atom? LowerRoundWith(InvocationExpressionSyntax invocation, string name)
    {
        var arguments = invocation.ArgumentList.Arguments;
        for (int k = 1; k < arguments.Count; k++)
        {
            if (ReferencesActive(arguments[k].Expression))
            {
                Report(DiagnosticDescriptors.UnsupportedExpression, arguments[k].Expression.GetLocation(), Describe(arguments[k].Expression),
                    $": the digits and the rounding mode of {name} are data, not computed from the variables");
                return null;
            }
        }

        Report(DiagnosticDescriptors.NonSmooth, invocation.GetLocation(), name, NonSmoothPieces[OpKind.Round]);
        Atom? x = Lower(arguments[0].Expression);
        if (x is null)
        {
            return null;
        }

        var args = new List<Atom> { x };
        args.AddRange(arguments.Skip(1).Select(a => (Atom)new DataAtom(Render(a.Expression))));
        return Let(OpKind.Round, args.ToArray());
    }

    /// <summary>x^n for a small integer n becomes multiplications (x² = x·x, x³ = x²·x, x⁴ = x²·x², x⁻ⁿ = 1/xⁿ), x^0.5 a square root.</summary>
    private Atom LowerConstantPower(Atom x, double n)
    {
        if (n == 0)
        {
            return new ConstAtom(1);
        }

        if (n == 1)
        {
            return x;
        }

        if (n == 0.5)
        {
            return Let(OpKind.Sqrt, x);
        }

        if (n == Math.Floor(n) && Math.Abs(n) <= 4)
        {
            int k = (int)Math.Abs(n);
            Atom power = k switch
            {
                1 => x,
                2 => Let(OpKind.Mul, x, x),
                3 => Let(OpKind.Mul, Let(OpKind.Mul, x, x), x),
                _ => Square(Let(OpKind.Mul, x, x)),
            };
            return n > 0 ? power : Let(OpKind.Div, new ConstAtom(1), power);
        }

        return Let(OpKind.Pow, x, new ConstAtom(n));
    }

    private Atom Square(Atom a) => Let(OpKind.Mul, a, a);

    /// <summary>A call to another [Objective] / [Differentiable] method is inlined: its body lowered with the arguments bound.</summary>
    private Atom? Inline(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        if (_callStack.Any(m => SymbolEqualityComparer.Default.Equals(m, method.OriginalDefinition)))
        {
            Report(DiagnosticDescriptors.Recursion, invocation.GetLocation(), method.Name);
            return null;
        }

        if (method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not MethodDeclarationSyntax declaration
            || method.ReturnType.SpecialType != SpecialType.System_Double
            || method.Parameters.Any(p => p.Type.SpecialType != SpecialType.System_Double || p.RefKind != RefKind.None)
            || method.Parameters.Length != invocation.ArgumentList.Arguments.Count
            || (declaration.Body is null && declaration.ExpressionBody is null)
            || declaration.ContainsDiagnostics
            || invocation.ArgumentList.Arguments.Any(a => a.NameColon is not null))
        {
            Report(DiagnosticDescriptors.NotDifferentiableCall, invocation.GetLocation(), method.ContainingType.Name + "." + method.Name);
            return null;
        }

        if (!method.IsStatic && !SymbolEqualityComparer.Default.Equals(method.ContainingType, _callStack.Last().ContainingType))
        {
            Report(DiagnosticDescriptors.NotDifferentiableCall, invocation.GetLocation(), method.ContainingType.Name + "." + method.Name);
            return null;
        }

        var args = new List<Atom>();
        foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
        {
            Atom? atom = Lower(argument.Expression);
            if (atom is null)
            {
                return null;
            }

            args.Add(atom);
        }

        SemanticModel saved = _model;
        if (declaration.SyntaxTree != _model.SyntaxTree)
        {
            _model = _model.Compilation.GetSemanticModel(declaration.SyntaxTree);
        }

        for (int k = 0; k < args.Count; k++)
        {
            _env[method.Parameters[k]] = args[k];
        }

        _callStack.Push(method.OriginalDefinition);
        try
        {
            return ParseFunctionBody(declaration.Body, declaration.ExpressionBody?.Expression, method);
        }
        finally
        {
            _callStack.Pop();
            _model = saved;
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                _env.Remove(parameter);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Activity and passive text

    /// <summary>
    /// True when the expression reads a differentiable value: a double local, a scalar variable, an element of the
    /// vector variable, or an inlined method's parameter bound to one. <c>x.Length</c> of the vector is passive.
    /// </summary>
    private bool ReferencesActive(ExpressionSyntax expression)
    {
        foreach (SyntaxNode node in expression.DescendantNodesAndSelf(n => n is not LambdaExpressionSyntax))
        {
            if (node is not IdentifierNameSyntax identifier)
            {
                continue;
            }

            if (identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier)
            {
                continue;
            }

            ISymbol? symbol = _model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
            switch (symbol)
            {
                case ILocalSymbol local when local.Type.SpecialType == SpecialType.System_Double && _env.TryGetValue(local, out Atom? atom):
                    if (atom is not ConstAtom and not DataAtom)
                    {
                        return true;
                    }

                    break;
                case IParameterSymbol parameter when _env.TryGetValue(parameter, out Atom? bound):
                    if (bound is not ConstAtom and not DataAtom)
                    {
                        return true;
                    }

                    break;
                case IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter, _vector)
                    || SymbolEqualityComparer.Default.Equals(parameter, _output):
                    if (!(identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } access && access.Expression == identifier))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// Renders passive C# text for the generated code: static members qualified with global::, instance members with
    /// this., renamed locals under their generated names, inlined parameters replaced by their data.
    /// </summary>
    private string Render(ExpressionSyntax expression)
    {
        ReportInaccessibleMembers(expression);
        var rewriter = new PassiveRewriter(this);
        return rewriter.Visit(expression).ToString();
    }

    /// <summary>
    /// The rendered text lands in the objective's type: a member private to an inlined helper's type cannot be read
    /// from there, so it is reported here rather than left to fail in the generated file.
    /// </summary>
    private void ReportInaccessibleMembers(ExpressionSyntax expression)
    {
        INamedTypeSymbol? within = _callStack.Count > 0 ? _callStack.Last().ContainingType : null;
        if (within is null)
        {
            return;
        }

        foreach (SimpleNameSyntax name in expression.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
        {
            ISymbol? symbol = _model.GetSymbolInfo(name, _cancellationToken).Symbol;
            if (symbol is IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol or INamedTypeSymbol
                && !_model.Compilation.IsSymbolAccessibleWithin(symbol, within))
            {
                Report(DiagnosticDescriptors.UnsupportedExpression, name.GetLocation(), name.ToString(),
                    $": '{symbol.ToDisplayString()}' is not accessible from '{within.Name}', where the generated derivative reads it; make it internal");
            }
        }
    }

    private sealed class PassiveRewriter : CSharpSyntaxRewriter
    {
        private readonly ObjectiveParser _parser;

        public PassiveRewriter(ObjectiveParser parser) => _parser = parser;

        public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node)
        {
            if (node.Parent is MemberAccessExpressionSyntax member && member.Name == node)
            {
                return node;
            }

            // w?.Length: the name after ?. is bound to w, not to this.
            if (node.Parent is MemberBindingExpressionSyntax)
            {
                return node;
            }

            // new Options { Scale = 2 }: the initialized member belongs to the new object.
            if (node.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } initialized && initialized.Left == node)
            {
                return node;
            }

            if (node.Parent is NameColonSyntax || node.IsVar)
            {
                return node;
            }

            ISymbol? symbol = _parser._model.GetSymbolInfo(node, _parser._cancellationToken).Symbol;
            string? replacement = symbol switch
            {
                ILocalSymbol local when _parser._renames.TryGetValue(local, out string? renamed) => renamed,
                ILocalSymbol local when local.IsConst && local.HasConstantValue => ConstantText(local.ConstantValue),
                ILocalSymbol local when _parser._env.TryGetValue(local, out Atom? atom) && atom is ConstAtom c => ConstantText(c.Value),
                ILocalSymbol local when _parser._env.TryGetValue(local, out Atom? atom) && atom is DataAtom d => Parenthesized(d.Text),
                IParameterSymbol parameter when _parser._env.TryGetValue(parameter, out Atom? atom) && atom is ConstAtom c => ConstantText(c.Value),
                IParameterSymbol parameter when _parser._env.TryGetValue(parameter, out Atom? atom) && atom is DataAtom d => Parenthesized(d.Text),
                IFieldSymbol or IPropertySymbol or IMethodSymbol when symbol.IsStatic =>
                    symbol.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + node.Identifier.ValueText,
                IFieldSymbol or IPropertySymbol or IMethodSymbol when !symbol.IsStatic && symbol.ContainingType is not null => "this." + node.Identifier.ValueText,
                INamedTypeSymbol type => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                _ => null,
            };
            if (replacement is null)
            {
                return node;
            }

            // A type may stand where only a type is allowed (new T(), typeof(T), casts): a qualified name serves both.
            return (symbol is INamedTypeSymbol ? SyntaxFactory.ParseTypeName(replacement) : SyntaxFactory.ParseExpression(replacement)).WithTriviaFrom(node);
        }

        /// <summary>
        /// data.Sum() becomes global::System.Linq.Enumerable.Sum(data): the generated file has none of the user's
        /// usings, so an extension method is called through its static form.
        /// </summary>
        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            if (node.Expression is MemberAccessExpressionSyntax access
                && _parser._model.GetSymbolInfo(node, _parser._cancellationToken).Symbol is IMethodSymbol { ReducedFrom: not null } extension)
            {
                var receiver = (ExpressionSyntax)Visit(access.Expression)!;
                var name = (SimpleNameSyntax)Visit(access.Name)!;
                var arguments = (ArgumentListSyntax)Visit(node.ArgumentList)!;
                TypeSyntax type = SyntaxFactory.ParseTypeName(extension.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                return SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, name.WithoutTrivia()),
                        arguments.WithArguments(arguments.Arguments.Insert(0, SyntaxFactory.Argument(receiver.WithoutTrivia()))))
                    .WithTriviaFrom(node);
            }

            return base.VisitInvocationExpression(node);
        }

        /// <summary>Data text where an operand goes: a plain name as it is, anything else in parentheses.</summary>
        private static string Parenthesized(string text) =>
            SyntaxFacts.IsValidIdentifier(text) ? text : "(" + text + ")";

        private static string ConstantText(object? value) => value switch
        {
            double d => Emit.Literals.Double(d),
            IFormattable f => "(" + f.ToString(null, CultureInfo.InvariantCulture) + ")",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "default",
        };
    }
}
