using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptimizeGen.Generators.Diagnostics;
using OptimizeGen.Generators.Differentiation;
using OptimizeGen.Generators.Model;

namespace OptimizeGen.Generators.Parsing;

/// <summary>
/// Lowers an <c>[Objective]</c> method (syntax + semantic model) to the IR: three-address SSA statements inside
/// structured control flow. Symbols are used here and only here; what leaves is plain data. Anything outside the
/// differentiable subset becomes a diagnostic at its exact location.
/// </summary>
internal sealed partial class ObjectiveParser
{
    internal const string ObjectiveAttributeName = "OptimizeGen.ObjectiveAttribute";
    internal const string ModelAttributeName = "OptimizeGen.ModelAttribute";
    internal const string EquationsAttributeName = "OptimizeGen.EquationsAttribute";
    internal const string ConstraintAttributeName = "OptimizeGen.ConstraintAttribute";
    internal const string DifferentiableAttributeName = "OptimizeGen.DifferentiableAttribute";
    internal const string DataAttributeName = "OptimizeGen.DataAttribute";

    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<ISymbol, Atom?> _env = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, string> _renames = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _activeLocals = new(StringComparer.Ordinal);
    private readonly Stack<IMethodSymbol> _callStack = new();
    private readonly CancellationToken _cancellationToken;
    private SemanticModel _model;
    private NameAllocator _names = new(Array.Empty<string>());
    private List<Stmt> _current = new();
    private IParameterSymbol? _vector;
    private IParameterSymbol? _output;
    private bool _booleanConstraint;
    private (double Lower, double Upper)? _constraintBounds;
    private bool _failed;
    private Frame _frame = new();

    private sealed class Frame
    {
        public string? ResultVariable;
    }

    private readonly SpecRole _role;

    private ObjectiveParser(SemanticModel model, SpecRole role, CancellationToken cancellationToken)
    {
        _model = model;
        _role = role;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses one method picked by ForAttributeWithMetadataName. Never throws.</summary>
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, SpecRole role, CancellationToken cancellationToken)
    {
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var parser = new ObjectiveParser(context.SemanticModel, role, cancellationToken);
        try
        {
            ObjectiveSpec? spec = parser.ParseMethod(syntax, (IMethodSymbol)context.TargetSymbol);
            bool hasError = parser._diagnostics.Any(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == DiagnosticSeverity.Error);
            return new ParseResult(hasError ? null : spec, parser._diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var info = new DiagnosticInfo(
                DiagnosticDescriptors.InternalError.Id,
                LocationOf(syntax.Identifier.GetLocation()),
                new[] { syntax.Identifier.Text, ex.GetType().Name + ": " + ex.Message }.ToEquatableArray());
            return new ParseResult(null, new[] { info }.ToEquatableArray());
        }
    }

    internal static LocationInfo? LocationOf(Location location)
    {
        if (location.SourceTree is null)
        {
            return null;
        }

        FileLinePositionSpan span = location.GetLineSpan();
        return new LocationInfo(
            location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
            span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
    }

    private void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _failed = true;
        }

        LocationInfo? info = LocationOf(location);
        if (_diagnostics.Any(d => d.Id == descriptor.Id && d.Location == info))
        {
            return;
        }

        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, info, arguments.ToEquatableArray()));
    }

    private ObjectiveSpec? ParseMethod(MethodDeclarationSyntax syntax, IMethodSymbol method)
    {
        // Half-typed code: the compiler reports the syntax errors; generating from missing tokens would only add more.
        if (syntax.ContainsDiagnostics && syntax.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        // Containing types: all must be partial.
        var types = new List<TypeSpec>();
        foreach (TypeDeclarationSyntax type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                Report(DiagnosticDescriptors.TypeNotPartial, syntax.Identifier.GetLocation(), type.Identifier.Text, method.Name);
                return null;
            }

            if (type.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                Report(DiagnosticDescriptors.FileLocalType, type.Modifiers.First(m => m.IsKind(SyntaxKind.FileKeyword)).GetLocation(), type.Identifier.Text, method.Name);
                return null;
            }

            string keyword = type switch
            {
                RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                StructDeclarationSyntax => "struct",
                InterfaceDeclarationSyntax => "interface",
                _ => "class",
            };
            string name = type.Identifier.Text + (type.TypeParameterList?.ToString() ?? string.Empty);
            types.Insert(0, new TypeSpec(keyword, name));
        }

        if (_role == SpecRole.Equations)
        {
            if (method.ReturnsVoid is false)
            {
                Report(DiagnosticDescriptors.EquationsSignature, syntax.ReturnType.GetLocation(), method.Name, "it returns " + method.ReturnType.ToDisplayString() + ", not void");
                return null;
            }
        }
        else if (_role == SpecRole.Constraint)
        {
            if (!CheckConstraint(syntax, method))
            {
                return null;
            }
        }
        else if (method.ReturnType.SpecialType != SpecialType.System_Double)
        {
            Report(DiagnosticDescriptors.WrongReturnType, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString());
            return null;
        }

        // Parameters: double scalars, or one ReadOnlySpan<double> / double[]; [Data] ones pass through.
        var parameters = new List<ParameterSpec>();
        var variables = new List<string>();
        VariableKind kind = VariableKind.Scalars;
        int scalarIndex = 0;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            var parameterSyntax = (ParameterSyntax)parameter.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
            Location typeLocation = parameterSyntax.Type?.GetLocation() ?? parameterSyntax.GetLocation();
            string typeText = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (_role == SpecRole.Model && parameter.Ordinal == 0)
            {
                // The predictor: one double, or a ReadOnlySpan<double> of several; data, never differentiated.
                if (parameter.RefKind != RefKind.None
                    || !(parameter.Type.SpecialType == SpecialType.System_Double || IsDoubleSpan(parameter.Type) || IsDoubleArray(parameter.Type)))
                {
                    Report(DiagnosticDescriptors.ModelPredictor, typeLocation, method.Name, parameter.Name, parameter.Type.ToDisplayString());
                    return null;
                }

                parameters.Add(new ParameterSpec(parameter.Name, IsDoubleArray(parameter.Type) ? "global::System.ReadOnlySpan<double>" : typeText, true));
                continue;
            }

            if (HasAttribute(parameter, DataAttributeName))
            {
                parameters.Add(new ParameterSpec(parameter.Name, typeText, true));
                continue;
            }

            if (_role == SpecRole.Equations)
            {
                if (_vector is null && parameter.RefKind == RefKind.None && (IsReadOnlyDoubleSpan(parameter.Type) || IsDoubleArray(parameter.Type)))
                {
                    _vector = parameter;
                    kind = IsDoubleArray(parameter.Type) ? VariableKind.Array : VariableKind.Span;
                    variables.Add(parameter.Name);
                    parameters.Add(new ParameterSpec(parameter.Name, typeText, false));
                }
                else if (_vector is not null && _output is null && parameter.RefKind == RefKind.None && IsWritableDoubleSpan(parameter.Type))
                {
                    _output = parameter;
                    parameters.Add(new ParameterSpec(parameter.Name, typeText, false));
                }
                else
                {
                    Report(DiagnosticDescriptors.EquationsSignature, typeLocation, method.Name,
                        $"parameter '{parameter.Name}' of type '{parameter.Type.ToDisplayString()}' is not expected here (mark data with [Data])");
                }

                continue;
            }

            if (parameter.RefKind != RefKind.None && !(parameter.RefKind == RefKind.In && parameter.Type.SpecialType == SpecialType.System_Double))
            {
                Report(DiagnosticDescriptors.UnsupportedParameter, typeLocation, parameter.Name, parameter.Type.ToDisplayString());
                continue;
            }

            if (parameter.Type.SpecialType == SpecialType.System_Double && _vector is null)
            {
                _env[parameter] = new InputAtom(scalarIndex++);
                variables.Add(parameter.Name);
                parameters.Add(new ParameterSpec(parameter.Name, "double", false));
                continue;
            }

            VariableKind? vectorKind = IsDoubleSpan(parameter.Type) ? VariableKind.Span : IsDoubleArray(parameter.Type) ? VariableKind.Array : null;
            if (vectorKind is not null && _vector is null && scalarIndex == 0)
            {
                _vector = parameter;
                kind = vectorKind.Value;
                variables.Add(parameter.Name);
                parameters.Add(new ParameterSpec(parameter.Name, typeText, false));
                continue;
            }

            Report(DiagnosticDescriptors.UnsupportedParameter, typeLocation, parameter.Name, parameter.Type.ToDisplayString());
        }

        if (_role == SpecRole.Equations && !_failed && (_vector is null || _output is null))
        {
            Report(DiagnosticDescriptors.EquationsSignature, syntax.ParameterList.GetLocation(), method.Name,
                _vector is null ? "there is no ReadOnlySpan<double> of unknowns" : "there is no Span<double> of residuals");
            return null;
        }

        if (_role == SpecRole.Equations && _output is not null)
        {
            foreach (IdentifierNameSyntax use in syntax.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (use.Identifier.ValueText != _output.Name
                    || !SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(use, _cancellationToken).Symbol, _output))
                {
                    continue;
                }

                bool isWriteTarget = use.Parent is ElementAccessExpressionSyntax { Parent: AssignmentExpressionSyntax assignment } access
                    && access.Expression == use && assignment.Left == access && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && assignment.Parent is ExpressionStatementSyntax;
                bool isLength = use.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } member && member.Expression == use;
                if (!isWriteTarget && !isLength)
                {
                    SyntaxNode reported = use.Parent is ElementAccessExpressionSyntax ? use.Parent : use;
                    Report(DiagnosticDescriptors.EquationsOutputRead, (reported.Parent is AssignmentExpressionSyntax a ? a : reported).GetLocation(),
                        (reported.Parent is AssignmentExpressionSyntax a2 ? a2 : reported).ToString(), _output.Name);
                }
            }
        }

        if (_role == SpecRole.Model && method.Parameters.Length == 0 && !_failed)
        {
            Report(DiagnosticDescriptors.ModelPredictor, syntax.ParameterList.GetLocation(), method.Name, "(none)", "no parameter");
            return null;
        }

        if (variables.Count == 0 && !_failed)
        {
            if (_role == SpecRole.Model)
            {
                Report(DiagnosticDescriptors.ModelWithoutParameters, syntax.ParameterList.GetLocation(), method.Name);
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedParameter, syntax.ParameterList.GetLocation(), "(none)", "no differentiable parameter");
            }
        }

        if (method.IsGenericMethod)
        {
            Report(DiagnosticDescriptors.UnsupportedParameter, syntax.TypeParameterList!.GetLocation(), method.Name, "generic method");
        }

        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            Report(DiagnosticDescriptors.UnsupportedStatement, syntax.Identifier.GetLocation(), "a method without a body",
                ": the generator differentiates the body; put the attribute on the declaration that has one");
        }

        if (_failed)
        {
            return null;
        }

        // Generated members must not collide with the user's.
        string f = method.Name;
        string[] generatedMembers = _role == SpecRole.Model
            ? new[] { f + "Jacobian", f + "Model", f + "ModelFunction", "Fit" + f, f + "Fit" }
            : _role == SpecRole.Constraint
            ? new[] { f + "Gradient", f + "HessianVectorProduct", f + "Objective", f + "ObjectiveFunction", f + "Constraint" }
            : _role == SpecRole.Equations
            ? new[] { f + "Jacobian", f + "JacobianVectorProduct", f + "System", f + "SystemFunction", "Solve" + f }
            : new[] { f + "Gradient", f + "HessianVectorProduct", f + "Objective", f + "ObjectiveFunction", "Minimize" + f, f + "Result" };
        foreach (string member in generatedMembers)
        {
            if (method.ContainingType.GetMembers(member).Length > 0 || method.ContainingType.GetTypeMembers(member).Length > 0
                || method.ContainingType.GetMembers(f).Any(m => !SymbolEqualityComparer.Default.Equals(m, method) && HasAttribute(m, RoleAttributeName)))
            {
                Report(DiagnosticDescriptors.NameCollision, syntax.Identifier.GetLocation(), member, method.ContainingType.Name);
            }
        }

        var resultProperties = _role == SpecRole.Model
            ? new HashSet<string>(StringComparer.Ordinal) { "Parameters", "StandardErrors", "Covariance", "Residuals", "Rss", "Dof", "Success", "Status", "Message", "Nfev", "Njev", "Result", "ToString" }
            : new HashSet<string>(StringComparer.Ordinal) { "Fun", "Success", "Status", "Message", "Nit", "Nfev", "Njev", "Result", "ToString" };
        string resultType = _role == SpecRole.Model ? f + "Fit" : f + "Result";
        foreach (string variable in variables)
        {
            bool clash = !resultProperties.Add(Pascal(variable))
                || (_role == SpecRole.Model && !resultProperties.Add(Pascal(variable) + "StandardError"))
                || variable is "method" or "options" or "bounds" or "constraints" or "xdata" or "ydata";
            if (clash)
            {
                Report(DiagnosticDescriptors.NameCollision, syntax.Identifier.GetLocation(), Pascal(variable), resultType);
            }
        }

        // The typed wrapper (MinimizeF, FitM, SolveS) repeats the user's parameters beside its own parameters and locals.
        string wrapperName = _role switch { SpecRole.Model => "Fit" + f, SpecRole.Equations => "Solve" + f, _ => "Minimize" + f };
        string[] wrapperNames = _role switch
        {
            SpecRole.Model => kind == VariableKind.Scalars ? new[] { "xdata", "ydata", "options" } : new[] { "xdata", "ydata", "p0", "options" },
            _ => new[] { "x0", "method", "options" },
        };
        foreach (ParameterSpec parameter in parameters)
        {
            bool inWrapper = _role switch
            {
                SpecRole.Model => parameter != parameters[0],
                SpecRole.Equations => parameter.IsData,
                _ => parameter.IsData || kind == VariableKind.Scalars,
            };
            if (inWrapper && wrapperNames.Contains(parameter.Name))
            {
                Report(DiagnosticDescriptors.NameCollision, syntax.Identifier.GetLocation(), parameter.Name, wrapperName);
            }
        }

        if (_failed)
        {
            return null;
        }

        // Every identifier the user wrote is reserved against generated names.
        var reserved = new HashSet<string>(syntax.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        _names = new NameAllocator(reserved);
        foreach (ParameterSpec parameter in parameters)
        {
            _names.Claim(parameter.Name);
        }

        string gradient = _names.Fresh(_role == SpecRole.Equations ? "jacobian" : "gradient");
        string point = _role == SpecRole.Equations ? _names.Fresh("column") : kind == VariableKind.Scalars ? _names.Fresh("point") : variables[0];
        string direction = _names.Fresh("v");
        string product = _names.Fresh("product");
        string value = _names.Fresh(_role == SpecRole.Equations ? "columns" : "value");
        var adjoints = kind == VariableKind.Scalars ? variables.Select(v => _names.Fresh("d" + v)).ToList() : new List<string>();

        _callStack.Push(method);
        ParseFunctionBody(syntax.Body, syntax.ExpressionBody?.Expression, method);
        _callStack.Pop();
        if (_failed)
        {
            return null;
        }

        string ns = method.ContainingNamespace.IsGlobalNamespace ? string.Empty : method.ContainingNamespace.ToDisplayString();
        string accessibility = method.DeclaredAccessibility == Accessibility.Public ? "public" : "internal";
        bool wrapper = _role switch
        {
            SpecRole.Model => HasCurveFit(_model.Compilation),
            SpecRole.Equations => HasRoot(_model.Compilation),
            SpecRole.Constraint => HasConstrainedMinimize(_model.Compilation),
            _ => HasMinimize(_model.Compilation),
        };
        string hint = (ns.Length > 0 ? ns + "." : string.Empty) + string.Join(".", ContainingTypeHintNames(method.ContainingType)) + "." + method.Name + (_role == SpecRole.Objective ? string.Empty : "." + _role);
        EquatableArray<string> constraints = _role == SpecRole.Objective && HasConstrainedMinimize(_model.Compilation) ? ConstraintsBeside(method) : EquatableArray<string>.Empty;
        ProblemClass problemClass = _role == SpecRole.Objective ? Classify(method, constraints) : ProblemClass.General;
        return new ObjectiveSpec(
            _role, ns, types.ToEquatableArray(), method.Name, method.IsStatic, accessibility, kind, parameters.ToEquatableArray(),
            variables.ToEquatableArray(), _current.ToEquatableArray(),
            new GeneratedNames(gradient, point, direction, product, value, adjoints.ToEquatableArray()),
            wrapper, hint, _output?.Name ?? string.Empty,
            _constraintBounds?.Lower ?? 0, _constraintBounds?.Upper ?? 0,
            constraints, problemClass);
    }

    /// <summary>
    /// Linear when the objective and every constraint beside it are proved affine, Quadratic when the objective is proved
    /// quadratic and the constraints affine — each only when the runtime has the entry point the wrapper would call.
    /// </summary>
    private ProblemClass Classify(IMethodSymbol method, EquatableArray<string> constraints)
    {
        int degree = Affinity.Degree(_current, _activeLocals);
        if (degree > 2 || !constraints.All(c => ConstraintIsAffine(method.ContainingType, c, _cancellationToken)))
        {
            return ProblemClass.General;
        }

        INamedTypeSymbol? optimize = _model.Compilation.GetTypeByMetadataName("OptimizeGen.Optimize");
        string entry = degree <= 1 ? "MinimizeAffine" : "MinimizeQuadratic";
        if (optimize is null || optimize.GetMembers(entry).Length == 0)
        {
            return ProblemClass.General;
        }

        return degree <= 1 ? ProblemClass.Linear : ProblemClass.Quadratic;
    }

    /// <summary>Parses the constraint method named <paramref name="name"/> beside an objective and tells whether it is affine.</summary>
    private bool ConstraintIsAffine(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
    {
        IMethodSymbol? constraint = type.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => HasAttribute(m, ConstraintAttributeName));
        if (constraint?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax)
        {
            return false;
        }

        var parser = new ObjectiveParser(_model.Compilation.GetSemanticModel(syntax.SyntaxTree), SpecRole.Constraint, cancellationToken);
        ObjectiveSpec? spec = parser.ParseMethod(syntax, constraint);
        return spec is not null && !parser._failed && Affinity.IsAffine(parser._current, parser._activeLocals);
    }

    /// <summary>The attribute of this parser's role: an overload carrying the same one would generate the same members.</summary>
    private string RoleAttributeName => _role switch
    {
        SpecRole.Model => ModelAttributeName,
        SpecRole.Equations => EquationsAttributeName,
        _ => ObjectiveAttributeName,
    };

    /// <summary>The containing types for the hint name, outermost first, generic ones with their arity (G`1), so that G and G&lt;T&gt; differ.</summary>
    private static IEnumerable<string> ContainingTypeHintNames(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            names.Insert(0, t.Arity > 0 ? t.Name + "`" + t.Arity.ToString(CultureInfo.InvariantCulture) : t.Name);
        }

        return names;
    }

    /// <summary>True when the runtime has <c>Optimize.Minimize(IObjective, ReadOnlySpan&lt;double&gt;, MinimizeMethod?, Bounds?, MinimizeOptions?)</c>.</summary>
    private static bool HasMinimize(Compilation compilation)
    {
        INamedTypeSymbol? optimize = compilation.GetTypeByMetadataName("OptimizeGen.Optimize");
        if (optimize is null)
        {
            return false;
        }

        return optimize.GetMembers("Minimize").OfType<IMethodSymbol>().Any(m =>
            m.Parameters.Length == 5 && m.Parameters[0].Type.ToDisplayString() == "OptimizeGen.IObjective"
            && IsDoubleSpan(m.Parameters[1].Type)
            && m.Parameters[2].Type.ToDisplayString() == "OptimizeGen.MinimizeMethod?"
            && m.Parameters[4].Type.ToDisplayString() == "OptimizeGen.MinimizeOptions?");
    }

    /// <summary>True when the runtime has <c>Optimize.CurveFit(IModel, double[], double[], double[]?, CurveFitOptions?)</c>.</summary>
    private static bool HasCurveFit(Compilation compilation)
    {
        INamedTypeSymbol? optimize = compilation.GetTypeByMetadataName("OptimizeGen.Optimize");
        return optimize is not null && optimize.GetMembers("CurveFit").OfType<IMethodSymbol>().Any(m =>
            m.Parameters.Length == 5 && m.Parameters[0].Type.ToDisplayString() == "OptimizeGen.IModel"
            && m.Parameters[1].Type.ToDisplayString() == "double[]"
            && m.Parameters[4].Type.ToDisplayString() == "OptimizeGen.CurveFitOptions?");
    }

    /// <summary>True when the runtime has <c>Optimize.Root(IVectorFunction, ReadOnlySpan&lt;double&gt;, RootMethod, RootOptions?)</c>.</summary>
    private static bool HasRoot(Compilation compilation)
    {
        INamedTypeSymbol? optimize = compilation.GetTypeByMetadataName("OptimizeGen.Optimize");
        return optimize is not null && optimize.GetMembers("Root").OfType<IMethodSymbol>().Any(m =>
            m.Parameters.Length == 4 && m.Parameters[0].Type.ToDisplayString() == "OptimizeGen.IVectorFunction"
            && IsDoubleSpan(m.Parameters[1].Type)
            && m.Parameters[2].Type.ToDisplayString() == "OptimizeGen.RootMethod"
            && m.Parameters[3].Type.ToDisplayString() == "OptimizeGen.RootOptions?");
    }

    /// <summary>True when the runtime has the constrained <c>Optimize.Minimize(IObjective, ReadOnlySpan&lt;double&gt;, IReadOnlyList&lt;ConstraintBase&gt;, …)</c>.</summary>
    private static bool HasConstrainedMinimize(Compilation compilation)
    {
        INamedTypeSymbol? optimize = compilation.GetTypeByMetadataName("OptimizeGen.Optimize");
        return optimize is not null && compilation.GetTypeByMetadataName("OptimizeGen.NonlinearConstraint") is not null
            && optimize.GetMembers("Minimize").OfType<IMethodSymbol>().Any(m =>
                m.Parameters.Length == 6 && m.Parameters[0].Type.ToDisplayString() == "OptimizeGen.IObjective"
                && m.Parameters[2].Type.ToDisplayString() == "System.Collections.Generic.IReadOnlyList<OptimizeGen.ConstraintBase>");
    }

    /// <summary>The [Constraint] methods declared beside an objective (same type, same static-ness), in declaration order.</summary>
    private static EquatableArray<string> ConstraintsBeside(IMethodSymbol objective) =>
        objective.ContainingType.GetMembers().OfType<IMethodSymbol>()
            .Where(m => HasAttribute(m, ConstraintAttributeName) && m.IsStatic == objective.IsStatic && m.Parameters.All(p => !HasAttribute(p, DataAttributeName)))
            .OrderBy(m => m.Locations.FirstOrDefault()?.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)
            .Select(m => m.Name)
            .ToEquatableArray();

    /// <summary>
    /// A [Constraint]: its return type and kind, and the objective it joins (one in the same type, with the same
    /// variables). Returns false when it cannot be generated.
    /// </summary>
    private bool CheckConstraint(MethodDeclarationSyntax syntax, IMethodSymbol method)
    {
        AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ConstraintAttributeName);
        int kind = attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is int k ? k : 0;
        if (method.ReturnType.SpecialType == SpecialType.System_Boolean)
        {
            if (kind != 0)
            {
                Report(DiagnosticDescriptors.ConstraintNotComparison, syntax.ReturnType.GetLocation(), method.Name, "a bool constraint states its kind by its comparison; remove the ConstraintKind");
                return false;
            }

            _booleanConstraint = true;
        }
        else if (method.ReturnType.SpecialType == SpecialType.System_Double)
        {
            switch (kind)
            {
                case 1:
                    _constraintBounds = (0, 0);
                    break;
                case 2:
                    _constraintBounds = (0, double.PositiveInfinity);
                    break;
                case 3:
                    _constraintBounds = (double.NegativeInfinity, 0);
                    break;
                default:
                    Report(DiagnosticDescriptors.ConstraintNotComparison, syntax.ReturnType.GetLocation(), method.Name,
                        "a double constraint needs its kind: [Constraint(ConstraintKind.Equality)], NonNegative or NonPositive — or return the comparison as a bool");
                    return false;
            }
        }
        else
        {
            Report(DiagnosticDescriptors.WrongReturnType, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString());
            return false;
        }

        IMethodSymbol? objective = method.ContainingType.GetMembers().OfType<IMethodSymbol>()
            .FirstOrDefault(m => HasAttribute(m, ObjectiveAttributeName));
        if (objective is null)
        {
            Report(DiagnosticDescriptors.ConstraintWithoutObjective, syntax.Identifier.GetLocation(), method.Name, method.ContainingType.Name);
            return false;
        }

        static string Variables(IMethodSymbol m) => string.Join(", ", m.Parameters.Where(p => !HasAttribute(p, DataAttributeName))
            .Select(p => p.Type.ToDisplayString() + " " + p.Name));
        if (Variables(objective) != Variables(method) || objective.IsStatic != method.IsStatic)
        {
            Report(DiagnosticDescriptors.ConstraintVariables, syntax.ParameterList.GetLocation(), method.Name, Variables(method), objective.Name, Variables(objective));
            return false;
        }

        if (method.Parameters.Any(p => HasAttribute(p, DataAttributeName)))
        {
            Report(DiagnosticDescriptors.ConstraintVariables, syntax.ParameterList.GetLocation(), method.Name, Variables(method) + " and [Data] parameters", objective.Name, Variables(objective));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The value a method returns. A bool [Constraint] returns a comparison a ⋚ b: it becomes g = a − b with the
    /// bounds the comparison states (≤: g ≤ 0, ≥: g ≥ 0, ==: g = 0; a strict one is treated as non-strict, with a warning).
    /// </summary>
    private Atom? LowerResult(ExpressionSyntax expression)
    {
        if (!_booleanConstraint)
        {
            return Lower(expression);
        }

        ExpressionSyntax e = expression;
        while (e is ParenthesizedExpressionSyntax p)
        {
            e = p.Expression;
        }

        (double, double)? bounds = e.Kind() switch
        {
            SyntaxKind.LessThanOrEqualExpression or SyntaxKind.LessThanExpression => (double.NegativeInfinity, 0.0),
            SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.GreaterThanExpression => (0.0, double.PositiveInfinity),
            SyntaxKind.EqualsExpression => (0.0, 0.0),
            _ => null,
        };
        if (bounds is null || e is not BinaryExpressionSyntax comparison)
        {
            Report(DiagnosticDescriptors.ConstraintNotComparison, expression.GetLocation(), Describe(expression), "return 'a <= b', 'a >= b' or 'a == b' of double expressions");
            return null;
        }

        if (e.IsKind(SyntaxKind.LessThanExpression) || e.IsKind(SyntaxKind.GreaterThanExpression))
        {
            Report(DiagnosticDescriptors.StrictConstraint, comparison.OperatorToken.GetLocation(), comparison.OperatorToken.Text);
        }

        if (_constraintBounds is { } previous && previous != bounds.Value)
        {
            Report(DiagnosticDescriptors.ConstraintNotComparison, expression.GetLocation(), Describe(expression), "every return must compare the same way");
            return null;
        }

        _constraintBounds = bounds;
        Atom? left = Lower(comparison.Left);
        Atom? right = Lower(comparison.Right);
        if (left is null || right is null)
        {
            return null;
        }

        return right is ConstAtom { Value: 0 } ? left : Let(OpKind.Sub, left, right);
    }

    private static bool IsReadOnlyDoubleSpan(ITypeSymbol type) => IsDoubleSpan(type) && type.Name == "ReadOnlySpan";

    private static bool IsWritableDoubleSpan(ITypeSymbol type) => IsDoubleSpan(type) && type.Name == "Span";

    internal static string Pascal(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    private static bool HasAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == metadataName);

    private static bool IsDoubleSpan(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", TypeArguments.Length: 1 } named
        && named.ContainingNamespace.ToDisplayString() == "System"
        && named.TypeArguments[0].SpecialType == SpecialType.System_Double;

    private static bool IsDoubleArray(ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double };

    // ---------------------------------------------------------------------------------------------------------
    // Bodies and statements

    private Atom? ParseFunctionBody(BlockSyntax? block, ExpressionSyntax? expressionBody, IMethodSymbol method)
    {
        var saved = _frame;
        _frame = new Frame();
        try
        {
            if (expressionBody is not null && _role == SpecRole.Equations && _callStack.Count == 1)
            {
                Report(DiagnosticDescriptors.EquationsSignature, expressionBody.GetLocation(), method.Name, "write a block body that assigns each residual");
                return null;
            }

            if (expressionBody is not null)
            {
                Atom? value = _callStack.Count == 1 ? LowerResult(expressionBody) : Lower(expressionBody);
                if (value is not null && _callStack.Count == 1)
                {
                    _current.Add(new ReturnStmt(value));
                }

                return value;
            }

            if (block is null)
            {
                return null;
            }

            if (_role == SpecRole.Equations && _callStack.Count == 1)
            {
                // A system writes its residuals and returns nothing.
                Atom? none = null;
                ParseStatements(block.Statements.ToList(), 0, ref none);
                return null;
            }

            // A return that is not the last top-level statement needs a result variable every path assigns.
            bool nested = block.DescendantNodes().OfType<ReturnStatementSyntax>().Any(r => r.Parent != block || block.Statements.Last() != r);
            if (nested)
            {
                _frame.ResultVariable = _names.Fresh("result");
                _current.Add(new MutableStmt(_frame.ResultVariable, null));
                _mutableLocals.Add(_frame.ResultVariable);
                _activeLocals.Add(_frame.ResultVariable);
            }

            Atom? result = null;
            bool returned = ParseStatements(block.Statements.ToList(), 0, ref result);
            if (!returned && !_failed)
            {
                Report(DiagnosticDescriptors.UnsupportedStatement, block.CloseBraceToken.GetLocation(), "end of method without return", string.Empty);
                return null;
            }

            Atom? value2 = _frame.ResultVariable is not null ? new LocalAtom(_frame.ResultVariable) : result;
            if (value2 is not null && _callStack.Count == 1)
            {
                _current.Add(new ReturnStmt(value2));
            }

            return value2;
        }
        finally
        {
            _frame = saved;
        }
    }

    /// <summary>Parses statements[start..]; true when every path through them returns.</summary>
    private bool ParseStatements(IReadOnlyList<StatementSyntax> statements, int start, ref Atom? result)
    {
        for (int k = start; k < statements.Count; k++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            StatementSyntax statement = statements[k];
            switch (statement)
            {
                case ReturnStatementSyntax ret:
                {
                    if (ret.Expression is null)
                    {
                        Report(DiagnosticDescriptors.UnsupportedStatement, ret.GetLocation(), "return;", string.Empty);
                        return true;
                    }

                    Atom? value = _callStack.Count == 1 ? LowerResult(ret.Expression) : Lower(ret.Expression);
                    if (value is not null)
                    {
                        if (_frame.ResultVariable is not null)
                        {
                            _current.Add(new SetStmt(_frame.ResultVariable, value));
                        }
                        else
                        {
                            result = value;
                        }
                    }

                    return true;
                }

                case IfStatementSyntax ifStatement:
                {
                    bool thenReturns = AlwaysReturns(ifStatement.Statement);
                    bool elseReturns = ifStatement.Else is not null && AlwaysReturns(ifStatement.Else.Statement);
                    if (thenReturns || elseReturns)
                    {
                        // Early return: the rest of the block continues the branch that does not return.
                        var rest = statements.Skip(k + 1).ToList();
                        ParseIf(ifStatement, thenReturns ? null : rest, elseReturns ? null : rest, ref result);
                        return true;
                    }

                    ParseIf(ifStatement, null, null, ref result);
                    break;
                }

                case BlockSyntax block:
                    if (ParseStatements(block.Statements.ToList(), 0, ref result))
                    {
                        return true;
                    }

                    break;

                default:
                    ParseStatement(statement);
                    break;
            }
        }

        return false;
    }

    private static bool AlwaysReturns(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax => true,
        BlockSyntax block => block.Statements.Any(AlwaysReturns),
        IfStatementSyntax ifs => ifs.Else is not null && AlwaysReturns(ifs.Statement) && AlwaysReturns(ifs.Else.Statement),
        _ => false,
    };

    private static IReadOnlyList<StatementSyntax> AsList(StatementSyntax statement) =>
        statement is BlockSyntax block ? block.Statements.ToList() : new List<StatementSyntax> { statement };

    private void ParseStatement(StatementSyntax statement)
    {
        switch (statement)
        {
            case LocalDeclarationStatementSyntax declaration:
                ParseDeclaration(declaration);
                break;
            case ExpressionStatementSyntax expressionStatement:
                ParseExpressionStatement(expressionStatement);
                break;
            case ForStatementSyntax forStatement:
                ParseFor(forStatement);
                break;
            case ForEachStatementSyntax forEach:
                ParseForEach(forEach);
                break;
            case EmptyStatementSyntax:
                break;
            case WhileStatementSyntax:
                Report(DiagnosticDescriptors.UnsupportedControlFlow, statement.GetFirstToken().GetLocation(), "while");
                break;
            case DoStatementSyntax:
                Report(DiagnosticDescriptors.UnsupportedControlFlow, statement.GetFirstToken().GetLocation(), "do");
                break;
            case GotoStatementSyntax:
            case LabeledStatementSyntax:
                Report(DiagnosticDescriptors.UnsupportedControlFlow, statement.GetFirstToken().GetLocation(), "goto");
                break;
            case TryStatementSyntax:
                Report(DiagnosticDescriptors.UnsupportedControlFlow, statement.GetFirstToken().GetLocation(), "try");
                break;
            case UnsafeStatementSyntax:
            case FixedStatementSyntax:
                Report(DiagnosticDescriptors.UnsupportedControlFlow, statement.GetFirstToken().GetLocation(), statement.GetFirstToken().Text);
                break;
            case BreakStatementSyntax:
            case ContinueStatementSyntax:
            case SwitchStatementSyntax:
            case YieldStatementSyntax:
            case LockStatementSyntax:
            case CheckedStatementSyntax:
                Report(DiagnosticDescriptors.UnsupportedControlFlow, statement.GetFirstToken().GetLocation(), statement.GetFirstToken().Text);
                break;
            case ReturnStatementSyntax:
                Report(DiagnosticDescriptors.UnsupportedControlFlow, statement.GetFirstToken().GetLocation(), "return inside a loop");
                break;
            case BlockSyntax block:
                foreach (StatementSyntax inner in block.Statements)
                {
                    ParseStatement(inner);
                }

                break;
            case IfStatementSyntax ifStatement:
            {
                Atom? ignored = null;
                ParseIf(ifStatement, null, null, ref ignored);
                break;
            }

            default:
                Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), Describe(statement), string.Empty);
                break;
        }
    }

    private static string Describe(SyntaxNode node)
    {
        string text = node.ToString();
        int newline = text.IndexOfAny(new[] { '\r', '\n' });
        if (newline >= 0)
        {
            text = text.Substring(0, newline) + " …";
        }

        return text.Length > 60 ? text.Substring(0, 57) + "…" : text;
    }

    private void ParseDeclaration(LocalDeclarationStatementSyntax declaration)
    {
        foreach (VariableDeclaratorSyntax variable in declaration.Declaration.Variables)
        {
            if (_model.GetDeclaredSymbol(variable, _cancellationToken) is not ILocalSymbol local)
            {
                Report(DiagnosticDescriptors.UnsupportedStatement, declaration.GetLocation(), Describe(declaration), string.Empty);
                return;
            }

            if (local.Type.SpecialType == SpecialType.System_Double)
            {
                if (local.IsConst && local.HasConstantValue && local.ConstantValue is double constant)
                {
                    _env[local] = new ConstAtom(constant);
                    continue;
                }

                if (variable.Initializer is null)
                {
                    _env[local] = null;
                    continue;
                }

                Atom? value = Lower(variable.Initializer.Value);
                if (value is not null)
                {
                    _env[local] = Bind(local.Name, value);
                }

                continue;
            }

            // Non-double locals are passive data: declared once, never reassigned, computed from data only.
            if (variable.Initializer is null || !IsPassiveType(local.Type))
            {
                Report(DiagnosticDescriptors.UnsupportedStatement, declaration.GetLocation(), Describe(declaration),
                    ": locals other than double must be integers or booleans computed from data, with an initializer");
                return;
            }

            if (ReferencesActive(variable.Initializer.Value))
            {
                Report(DiagnosticDescriptors.UnsupportedExpression, variable.Initializer.Value.GetLocation(), Describe(variable.Initializer.Value),
                    ": a differentiable value cannot be converted to an integer or boolean local");
                return;
            }

            string name = _names.Claim(local.Name);
            _renames[local] = name;
            string type = local.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            _current.Add(new PassiveStmt($"{(local.IsConst ? "const " : string.Empty)}{type} {name} = {Render(variable.Initializer.Value)};"));
        }
    }

    private static bool IsPassiveType(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Boolean or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_UInt32;

    /// <summary>Binds a user variable to a value: renames the temporary that computed it when it is fresh, else copies.</summary>
    private LocalAtom Bind(string userName, Atom value)
    {
        string name = _names.Claim(userName);
        if (value is LocalAtom local && _current.Count > 0 && _current[_current.Count - 1] is LetStmt let && let.Name == local.Name
            && IsTemp(local.Name))
        {
            _current[_current.Count - 1] = let with { Name = name };
            string? key = ValueKey(let.Op, let.Args.ToArray());
            if (key is not null && _valueNumbers.TryGetValue(key, out var known) && known.Name == local.Name)
            {
                _valueNumbers[key] = (name, known.Block);
            }

            if (_activeLocals.Remove(local.Name) || let.Active)
            {
                _activeLocals.Add(name);
            }

            return new LocalAtom(name);
        }

        bool active = IsActiveAtom(value);
        _current.Add(new LetStmt(name, OpKind.Copy, new[] { value }.ToEquatableArray(), active));
        if (active)
        {
            _activeLocals.Add(name);
        }

        return new LocalAtom(name);
    }

    private readonly HashSet<string> _temps = new(StringComparer.Ordinal);

    private bool IsTemp(string name) => _temps.Contains(name);

    private bool IsActiveAtom(Atom atom) => atom switch
    {
        InputAtom or InputElementAtom => true,
        LocalAtom local => _activeLocals.Contains(local.Name),
        _ => false,
    };

    /// <summary>
    /// Local value numbering: a value already computed in the same block from the same operands is reused, so that
    /// the user's repeated subexpressions — (1 − x)·(1 − x), a shared exp — are computed, and differentiated, once.
    /// Operands that are mutable locals (phis, loop-carried state) are never keyed: their value changes.
    /// </summary>
    private readonly Dictionary<string, (string Name, List<Stmt> Block)> _valueNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mutableLocals = new(StringComparer.Ordinal);

    private string? ValueKey(OpKind op, Atom[] args)
    {
        if (op == OpKind.Copy || args.Any(a => a is LocalAtom l && _mutableLocals.Contains(l.Name)))
        {
            return null;
        }

        string[] parts = args.Select(a => a.ToString()).ToArray();
        if (op is OpKind.Add or OpKind.Mul or OpKind.Max or OpKind.Min or OpKind.Hypot)
        {
            Array.Sort(parts, StringComparer.Ordinal);
        }

        return op + "(" + string.Join(", ", parts) + ")";
    }

    private LocalAtom Let(OpKind op, params Atom[] args)
    {
        string? key = ValueKey(op, args);
        if (key is not null && _valueNumbers.TryGetValue(key, out var known) && ReferenceEquals(known.Block, _current))
        {
            return new LocalAtom(known.Name);
        }

        string name = _names.Temp();
        if (key is not null)
        {
            _valueNumbers[key] = (name, _current);
        }

        _temps.Add(name);
        bool active = args.Any(IsActiveAtom);
        if (active)
        {
            _activeLocals.Add(name);
        }

        _current.Add(new LetStmt(name, op, args.ToEquatableArray(), active));
        return new LocalAtom(name);
    }

    private void ParseExpressionStatement(ExpressionStatementSyntax statement)
    {
        ExpressionSyntax expression = statement.Expression;
        ExpressionSyntax? target;
        OpKind? op;
        ExpressionSyntax? operand = null;
        switch (expression)
        {
            case AssignmentExpressionSyntax assignment:
                target = assignment.Left;
                operand = assignment.Right;
                op = assignment.Kind() switch
                {
                    SyntaxKind.SimpleAssignmentExpression => OpKind.Copy,
                    SyntaxKind.AddAssignmentExpression => OpKind.Add,
                    SyntaxKind.SubtractAssignmentExpression => OpKind.Sub,
                    SyntaxKind.MultiplyAssignmentExpression => OpKind.Mul,
                    SyntaxKind.DivideAssignmentExpression => OpKind.Div,
                    _ => null,
                };
                break;
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                target = postfix.Operand;
                op = postfix.IsKind(SyntaxKind.PostIncrementExpression) ? OpKind.Add : OpKind.Sub;
                break;
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                target = prefix.Operand;
                op = prefix.IsKind(SyntaxKind.PreIncrementExpression) ? OpKind.Add : OpKind.Sub;
                break;
            default:
                Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), Describe(statement), string.Empty);
                return;
        }

        ISymbol? symbol = _model.GetSymbolInfo(target, _cancellationToken).Symbol;
        if (target is ElementAccessExpressionSyntax element)
        {
            symbol = _model.GetSymbolInfo(element.Expression, _cancellationToken).Symbol;
        }

        if (_output is not null && target is ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } outputElement
            && SymbolEqualityComparer.Default.Equals(symbol, _output) && op == OpKind.Copy && operand is not null)
        {
            ExpressionSyntax index = outputElement.ArgumentList.Arguments[0].Expression;
            if (ReferencesActive(index) || index is RangeExpressionSyntax)
            {
                Report(DiagnosticDescriptors.UnsupportedExpression, index.GetLocation(), Describe(index), ": an index is an integer computed from data");
                return;
            }

            Atom? residual = Lower(operand);
            if (residual is not null)
            {
                _current.Add(new OutputStmt(Render(index), residual));
            }

            return;
        }

        if (symbol is IParameterSymbol parameter && (_env.ContainsKey(parameter) || SymbolEqualityComparer.Default.Equals(parameter, _vector)))
        {
            Report(DiagnosticDescriptors.WriteToInput, target.GetLocation(), target.ToString());
            return;
        }

        if (symbol is not ILocalSymbol local || local.Type.SpecialType != SpecialType.System_Double || op is null || target is not IdentifierNameSyntax)
        {
            Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), Describe(statement),
                symbol is ILocalSymbol ? ": only double locals can be reassigned" : ": only double locals can be assigned");
            return;
        }

        Atom? right = operand is null ? new ConstAtom(1) : Lower(operand);
        if (right is null)
        {
            return;
        }

        if (op == OpKind.Copy)
        {
            _env[local] = Bind(local.Name, right);
            return;
        }

        if (!_env.TryGetValue(local, out Atom? old) || old is null)
        {
            Report(DiagnosticDescriptors.UnsupportedStatement, statement.GetLocation(), Describe(statement), ": the variable is not assigned yet");
            return;
        }

        _env[local] = Bind(local.Name, Let(op.Value, old, right));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Control flow

    private void ParseIf(IfStatementSyntax ifStatement, IReadOnlyList<StatementSyntax>? thenRest, IReadOnlyList<StatementSyntax>? elseRest, ref Atom? result)
    {
        Condition? condition = LowerCondition(ifStatement.Condition);
        if (condition is null)
        {
            return;
        }

        var before = new Dictionary<ISymbol, Atom?>(_env, SymbolEqualityComparer.Default);
        List<Stmt> outer = _current;
        string conditionName = _names.Fresh("c");

        _current = new List<Stmt>();
        var thenStatements = AsList(ifStatement.Statement).Concat(thenRest ?? Array.Empty<StatementSyntax>()).ToList();
        bool thenReturned = ParseStatements(thenStatements, 0, ref result);
        List<Stmt> thenBlock = _current;
        var thenEnv = new Dictionary<ISymbol, Atom?>(_env, SymbolEqualityComparer.Default);

        RestoreEnvironment(before);
        _current = new List<Stmt>();
        var elseStatements = (ifStatement.Else is null ? new List<StatementSyntax>() : AsList(ifStatement.Else.Statement).ToList())
            .Concat(elseRest ?? Array.Empty<StatementSyntax>()).ToList();
        bool elseReturned = ParseStatements(elseStatements, 0, ref result);
        List<Stmt> elseBlock = _current;
        var elseEnv = new Dictionary<ISymbol, Atom?>(_env, SymbolEqualityComparer.Default);

        RestoreEnvironment(before);
        _current = outer;
        if (!thenReturned || !elseReturned)
        {
            // Phis for the variables the branches assign.
            foreach (KeyValuePair<ISymbol, Atom?> entry in before)
            {
                if (entry.Key is not ILocalSymbol local)
                {
                    continue;
                }

                Atom? thenValue = thenReturned ? entry.Value : thenEnv[local];
                Atom? elseValue = elseReturned ? entry.Value : elseEnv[local];
                if (Equals(thenValue, entry.Value) && Equals(elseValue, entry.Value))
                {
                    continue;
                }

                if (thenValue is null || elseValue is null)
                {
                    _env[local] = null;
                    continue;
                }

                string phi = _names.Fresh(local.Name);
                _current.Add(new MutableStmt(phi, null));
                _mutableLocals.Add(phi);
                _activeLocals.Add(phi);
                if (!thenReturned)
                {
                    thenBlock.Add(new SetStmt(phi, thenValue));
                }

                if (!elseReturned)
                {
                    elseBlock.Add(new SetStmt(phi, elseValue));
                }

                _env[local] = new LocalAtom(phi);
            }
        }

        _current.Add(new IfStmt(conditionName, condition, thenBlock.ToEquatableArray(), elseBlock.ToEquatableArray()));
    }

    private void RestoreEnvironment(Dictionary<ISymbol, Atom?> snapshot)
    {
        _env.Clear();
        foreach (KeyValuePair<ISymbol, Atom?> entry in snapshot)
        {
            _env[entry.Key] = entry.Value;
        }
    }

    private void ParseFor(ForStatementSyntax loop)
    {
        Location location = loop.ForKeyword.GetLocation();
        if (loop.Declaration is not { Variables.Count: 1 } declaration
            || declaration.Variables[0].Initializer is not { } initializer
            || _model.GetDeclaredSymbol(declaration.Variables[0], _cancellationToken) is not ILocalSymbol index
            || index.Type.SpecialType != SpecialType.System_Int32
            || loop.Initializers.Count != 0
            || loop.Condition is not BinaryExpressionSyntax condition
            || condition.Left is not IdentifierNameSyntax conditionLeft
            || conditionLeft.Identifier.ValueText != index.Name
            || loop.Incrementors.Count != 1)
        {
            Report(DiagnosticDescriptors.NotCountedLoop, location, string.Empty);
            return;
        }

        string comparison = condition.OperatorToken.Text;
        int step = StepOf(loop.Incrementors[0], index.Name);
        bool valid = (step == 1 && comparison is "<" or "<=") || (step == -1 && comparison is ">" or ">=");
        bool assignsIndex = loop.Statement.DescendantNodesAndSelf().Any(n =>
            (n is AssignmentExpressionSyntax a && a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == index.Name)
            || (n is PostfixUnaryExpressionSyntax p && p.Operand is IdentifierNameSyntax pid && pid.Identifier.ValueText == index.Name)
            || (n is PrefixUnaryExpressionSyntax q && (q.IsKind(SyntaxKind.PreIncrementExpression) || q.IsKind(SyntaxKind.PreDecrementExpression))
                && q.Operand is IdentifierNameSyntax qid && qid.Identifier.ValueText == index.Name));
        if (!valid || assignsIndex || ReferencesActive(initializer.Value) || ReferencesActive(condition.Right))
        {
            Report(DiagnosticDescriptors.NotCountedLoop, location, string.Empty);
            return;
        }

        string indexName = _names.Claim(index.Name);
        _renames[index] = indexName;
        string start = Render(initializer.Value);
        string end = Render(condition.Right);
        ParseLoop(loop.Statement, indexName, start, end, comparison, step, prologue: null);
    }

    private static int StepOf(ExpressionSyntax incrementor, string index)
    {
        switch (incrementor)
        {
            case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } p when id.Identifier.ValueText == index:
                return p.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : -1;
            case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } p when id.Identifier.ValueText == index:
                return p.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : p.IsKind(SyntaxKind.PreDecrementExpression) ? -1 : 0;
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax id, Right: LiteralExpressionSyntax { Token.Value: int one } } a
                when id.Identifier.ValueText == index && one == 1:
                return a.IsKind(SyntaxKind.AddAssignmentExpression) ? 1 : a.IsKind(SyntaxKind.SubtractAssignmentExpression) ? -1 : 0;
            default:
                return 0;
        }
    }

    private void ParseForEach(ForEachStatementSyntax loop)
    {
        ILocalSymbol? element = _model.GetDeclaredSymbol(loop, _cancellationToken);
        ISymbol? collection = _model.GetSymbolInfo(loop.Expression, _cancellationToken).Symbol;
        ITypeSymbol? collectionType = _model.GetTypeInfo(loop.Expression, _cancellationToken).Type;
        if (element is null || element.Type.SpecialType != SpecialType.System_Double || collectionType is null
            || !(IsDoubleSpan(collectionType) || IsDoubleArray(collectionType)))
        {
            Report(DiagnosticDescriptors.UnsupportedStatement, loop.ForEachKeyword.GetLocation(), "foreach over " + Describe(loop.Expression),
                ": foreach runs over a ReadOnlySpan<double> or double[] with a double element");
            return;
        }

        bool overInput = collection is IParameterSymbol p && SymbolEqualityComparer.Default.Equals(p, _vector);
        if (!overInput && ReferencesActive(loop.Expression))
        {
            Report(DiagnosticDescriptors.UnsupportedStatement, loop.ForEachKeyword.GetLocation(), "foreach over " + Describe(loop.Expression), string.Empty);
            return;
        }

        string collectionText = overInput ? _vector!.Name : Render(loop.Expression);
        string index = _names.Fresh(element.Name + "Index");
        ParseLoop(loop.Statement, index, "0", collectionText + ".Length", "<", 1, () =>
        {
            Atom value = overInput ? new InputElementAtom(index) : new DataAtom($"{collectionText}[{index}]");
            _env[element] = Bind(element.Name, value);
        });
    }

    private void ParseLoop(StatementSyntax body, string index, string start, string end, string comparison, int step, Action? prologue)
    {
        // Loop-carried variables: double locals declared before the loop and assigned in it.
        var carried = new List<ILocalSymbol>();
        foreach (SyntaxNode node in body.DescendantNodesAndSelf())
        {
            ExpressionSyntax? target = node switch
            {
                AssignmentExpressionSyntax a => a.Left,
                PostfixUnaryExpressionSyntax p => p.Operand,
                PrefixUnaryExpressionSyntax q when q.IsKind(SyntaxKind.PreIncrementExpression) || q.IsKind(SyntaxKind.PreDecrementExpression) => q.Operand,
                _ => null,
            };
            if (target is IdentifierNameSyntax && _model.GetSymbolInfo(target, _cancellationToken).Symbol is ILocalSymbol local
                && _env.ContainsKey(local) && !carried.Contains(local, SymbolEqualityComparer.Default))
            {
                if (local.Type.SpecialType != SpecialType.System_Double)
                {
                    Report(DiagnosticDescriptors.UnsupportedStatement, node.GetLocation(), Describe(node), ": integer state cannot change inside a loop");
                    return;
                }

                carried.Add(local);
            }
        }

        var mutableNames = new List<string>();
        foreach (ILocalSymbol local in carried)
        {
            string name = _names.Fresh(local.Name);
            _current.Add(new MutableStmt(name, _env[local] ?? new ConstAtom(0)));
            _mutableLocals.Add(name);
            _activeLocals.Add(name);
            _env[local] = new LocalAtom(name);
            mutableNames.Add(name);
        }

        var before = new Dictionary<ISymbol, Atom?>(_env, SymbolEqualityComparer.Default);
        List<Stmt> outer = _current;
        _current = new List<Stmt>();
        prologue?.Invoke();
        foreach (StatementSyntax statement in AsList(body))
        {
            if (statement is ReturnStatementSyntax || statement.DescendantNodes().OfType<ReturnStatementSyntax>().Any())
            {
                Report(DiagnosticDescriptors.UnsupportedControlFlow, statement.DescendantNodesAndSelf().OfType<ReturnStatementSyntax>().First().ReturnKeyword.GetLocation(), "return inside a loop");
                continue;
            }

            ParseStatement(statement);
        }

        for (int j = 0; j < carried.Count; j++)
        {
            Atom? last = _env[carried[j]];
            if (last is not null && !Equals(last, new LocalAtom(mutableNames[j])))
            {
                _current.Add(new SetStmt(mutableNames[j], last));
            }
        }

        List<Stmt> bodyBlock = _current;
        _current = outer;
        RestoreEnvironment(before);
        var taped = mutableNames.Where(m => TapeAnalysis.NeedsTape(bodyBlock, m, _activeLocals)).ToEquatableArray();
        string tape = _names.Fresh(index + "Tape");
        _current.Add(new LoopStmt(index, start, end, comparison, step, bodyBlock.ToEquatableArray(), taped, tape));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Conditions

    private Condition? LowerCondition(ExpressionSyntax expression)
    {
        if (!ReferencesActive(expression))
        {
            return new PassiveCondition(Render(expression));
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return LowerCondition(parenthesized.Expression);
            case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                return LowerCondition(not.Operand) is { } operand ? new NotCondition(operand) : null;
            case BinaryExpressionSyntax logical when logical.IsKind(SyntaxKind.LogicalAndExpression) || logical.IsKind(SyntaxKind.LogicalOrExpression):
            {
                // Both sides are evaluated (they are pure), so a short-circuit that guards a NaN is still safe to record.
                Condition? left = LowerCondition(logical.Left);
                Condition? right = LowerCondition(logical.Right);
                return left is null || right is null ? null : new LogicalCondition(logical.OperatorToken.Text, left, right);
            }

            case BinaryExpressionSyntax compare when compare.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
                or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression:
            {
                Atom? left = Lower(compare.Left);
                Atom? right = Lower(compare.Right);
                return left is null || right is null ? null : new CompareCondition(compare.OperatorToken.Text, left, right);
            }

            default:
                Report(DiagnosticDescriptors.UnsupportedExpression, expression.GetLocation(), Describe(expression), ": conditions compare doubles with <, <=, >, >=, ==, != and combine them with &&, ||, !");
                return null;
        }
    }
}
