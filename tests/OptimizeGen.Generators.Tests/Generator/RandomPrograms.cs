using System.Globalization;
using System.Text;

namespace OptimizeGen.Generators.Tests.Generator;

/// <summary>
/// Builds random programs in the differentiable subset: arithmetic, every smooth Math function (wrapped so that
/// each stays inside its domain), ternaries, if/else, counted for loops (reductions and taped carried state),
/// nested loops, foreach, data fields and calls to a [Differentiable] helper.
/// </summary>
internal sealed class RandomPrograms
{
    public const int Dimension = 3;

    private readonly Random _random;
    private readonly List<List<string>> _scopes = new();
    private readonly StringBuilder _body = new();
    private bool _span;
    private string? _loopIndex;
    private string? _loopElement;
    private int _counter;
    private int _indent;

    public RandomPrograms(int seed) => _random = new Random(seed);

    /// <summary>The class holding every program, data and wrappers callable by reflection on arrays.</summary>
    public static string Class(IEnumerable<string> methods, int count) => $$"""
        using System;
        using OptimizeGen;

        namespace RandomPrograms;

        public static partial class P
        {
            private const double C0 = 0.7;
            private static readonly double[] D = { 0.3, -1.1, 0.8, 1.9 };

            [Differentiable]
            private static double Helper(double a, double b) => a * Math.Sin(b) + b * b / (1 + a * a);

        {{string.Join("\n", methods)}}
        }
        """;

    /// <summary>A random program F{index}, and its wrappers V{index}, G{index}, H{index} over arrays.</summary>
    public string Next(int index)
    {
        _span = index % 2 == 0;
        _scopes.Clear();
        _scopes.Add(new List<string>());
        _body.Clear();
        _indent = 2;
        _counter = 0;
        int statements = _random.Next(1, 5);
        for (int s = 0; s < statements; s++)
        {
            Statement(allowLoop: _span);
        }

        if (_span && index % 6 == 0)
        {
            // A final reduction returned as it is: the shape whose reverse sweep runs fused with its primal loop.
            Line($"return {Loop(nested: index % 12 == 0, reduction: true)};");
        }
        else
        {
            string result = Expr(3);
            foreach (string local in _scopes[0].OrderBy(_ => _random.Next()).Take(2))
            {
                result = $"{result} + {Constant()} * {local}";
            }

            Line($"return {result};");
        }
        string parameters = _span ? "ReadOnlySpan<double> x" : "double a0, double a1, double a2";
        string args = _span ? "x" : "x[0], x[1], x[2]";
        string outs = _span ? "g" : "out g[0], out g[1], out g[2]";
        return $$"""
                [Objective]
                public static double F{{index}}({{parameters}})
                {
            {{_body}}    }

                public static double V{{index}}(double[] x) => F{{index}}({{args}});

                public static double G{{index}}(double[] x, double[] g) => F{{index}}Gradient({{args}}, {{outs}});

                public static double H{{index}}(double[] x, double[] v, double[] g, double[] p) => F{{index}}HessianVectorProduct(x, v, g, p);

            """;
    }

    private void Line(string text) => _body.Append(new string(' ', _indent * 4)).Append(text).Append('\n');

    private string Fresh(string stem) => stem + (_counter++).ToString(CultureInfo.InvariantCulture);

    private IEnumerable<string> Locals() => _scopes.SelectMany(s => s);

    private void Statement(bool allowLoop)
    {
        int kind = _random.Next(allowLoop ? 7 : 4);
        var locals = Locals().ToList();
        switch (kind)
        {
            case 0:
            case 1:
            {
                string name = Fresh("v");
                Line($"double {name} = {Expr(3)};");
                _scopes[^1].Add(name);
                break;
            }

            case 2 when locals.Count > 0:
            {
                string target = locals[_random.Next(locals.Count)];
                string op = new[] { "+=", "-=", "*=", "=" }[_random.Next(4)];
                Line(op == "*=" ? $"{target} *= Math.Tanh({Expr(2)});" : $"{target} {op} {Expr(2)};");
                break;
            }

            case 3 when locals.Count > 0:
            {
                string target = locals[_random.Next(locals.Count)];
                Line($"if ({Expr(2)} > {Expr(1)})");
                Line("{");
                _indent++;
                _scopes.Add(new List<string>());
                string inner = Fresh("w");
                Line($"double {inner} = {Expr(2)};");
                _scopes[^1].Add(inner);
                Line($"{target} += {inner} * {Expr(1)};");
                _scopes.RemoveAt(_scopes.Count - 1);
                _indent--;
                Line("}");
                if (_random.Next(2) == 0)
                {
                    Line("else");
                    Line("{");
                    _indent++;
                    Line($"{target} = {Expr(2)};");
                    _indent--;
                    Line("}");
                }

                break;
            }

            case 4:
            case 5:
                Loop(nested: _random.Next(4) == 0);
                break;
            case 6:
            {
                string sum = Fresh("s");
                string element = Fresh("e");
                Line($"double {sum} = {Constant()};");
                Line($"foreach (double {element} in x)");
                Line("{");
                _indent++;
                _loopElement = element;
                Line($"{sum} += {Expr(2)};");
                _loopElement = null;
                _indent--;
                Line("}");
                _scopes[^1].Add(sum);
                break;
            }

            default:
            {
                string name = Fresh("v");
                Line($"double {name} = {Expr(2)};");
                _scopes[^1].Add(name);
                break;
            }
        }
    }

    private string Loop(bool nested, bool reduction = false)
    {
        string carried = Fresh("s");
        string index = Fresh("i");
        bool taped = !reduction && _random.Next(2) == 0;
        Line($"double {carried} = {Constant()};");
        string bound = _random.Next(3) switch { 0 => "x.Length", 1 => "D.Length - 1", _ => "2" };
        bool down = _random.Next(4) == 0;
        Line(down ? $"for (int {index} = {bound} - 1; {index} >= 0; {index}--)" : $"for (int {index} = 0; {index} < {bound}; {index}++)");
        Line("{");
        _indent++;
        _scopes.Add(new List<string>());
        string? outer = _loopIndex;
        _loopIndex = index;
        string term = Fresh("u");
        Line($"double {term} = {Expr(2)};");
        _scopes[^1].Add(term);
        if (nested)
        {
            string inner = Fresh("j");
            Line($"for (int {inner} = 0; {inner} <= {index}; {inner}++)");
            Line("{");
            _indent++;
            Line($"{term} += 0.5 * Math.Sin({term}) * x[{inner} % x.Length] + {Expr(1)};");
            _indent--;
            Line("}");
        }

        Line(taped
            ? $"{carried} = {carried} * Math.Cos({term}) + Math.Sin({carried}) * {Expr(1)};"
            : $"{carried} += {term} * {Expr(1)};");
        _loopIndex = outer;
        _scopes.RemoveAt(_scopes.Count - 1);
        _indent--;
        Line("}");
        _scopes[^1].Add(carried);
        return carried;
    }

    private string Constant()
    {
        double value = Math.Round(_random.NextDouble() * 3 - 1.5, 3);
        return "(" + value.ToString("R", CultureInfo.InvariantCulture) + ")";
    }

    private string Leaf()
    {
        var locals = Locals().ToList();
        int kind = _random.Next(10);
        if (kind < 4)
        {
            if (_loopElement is not null && _random.Next(2) == 0)
            {
                return _loopElement;
            }

            if (_span)
            {
                return _loopIndex is not null && _random.Next(2) == 0
                    ? $"x[{_loopIndex} % x.Length]"
                    : $"x[{_random.Next(Dimension)}]";
            }

            return "a" + _random.Next(Dimension).ToString(CultureInfo.InvariantCulture);
        }

        if (kind < 7 && locals.Count > 0)
        {
            return locals[_random.Next(locals.Count)];
        }

        return kind switch
        {
            7 => "C0",
            8 => $"D[{_random.Next(4)}]",
            _ => Constant(),
        };
    }

    private string Expr(int depth)
    {
        if (depth <= 0 || _random.Next(4) == 0)
        {
            return Leaf();
        }

        string E() => Expr(depth - 1);
        return _random.Next(34) switch
        {
            0 or 1 => $"({E()} + {E()})",
            2 or 3 => $"({E()} - {E()})",
            4 or 5 => $"({E()} * {E()})",
            6 => $"({E()} / (1.5 + {Square(E())}))",
            7 => $"-({E()})",
            8 => $"Math.Sin({E()})",
            9 => $"Math.Cos({E()})",
            10 => $"Math.Tan(0.5 * Math.Tanh({E()}))",
            11 => $"Math.Asin(0.5 * Math.Tanh({E()}))",
            12 => $"Math.Acos(0.5 * Math.Tanh({E()}))",
            13 => $"Math.Atan({E()})",
            14 => $"Math.Atan2({E()}, 2 + Math.Sin({E()}))",
            15 => $"Math.Sinh(Math.Tanh({E()}))",
            16 => $"Math.Cosh(Math.Tanh({E()}))",
            17 => $"Math.Tanh({E()})",
            18 => $"Math.Asinh({E()})",
            19 => $"Math.Acosh(1.5 + {Square(E())})",
            20 => $"Math.Atanh(0.5 * Math.Tanh({E()}))",
            21 => $"Math.Exp(Math.Tanh({E()}))",
            22 => $"Math.Log(1.5 + {Square(E())})",
            23 => $"Math.Log(1.5 + {Square(E())}, 2.5 + Math.Sin({E()}))",
            24 => $"Math.Log10(1.5 + {Square(E())})",
            25 => $"Math.Log2(1.5 + {Square(E())})",
            26 => $"Math.Pow({E()}, {_random.Next(2, 5)})",
            27 => $"Math.Pow(1.5 + {Square(E())}, {new[] { "-2", "0.5", "1.7", "-0.3" }[_random.Next(4)]})",
            28 => $"Math.Pow(1.5 + Math.Sin({E()}), 1 + 0.5 * Math.Tanh({E()}))",
            29 => $"Math.Sqrt(1.5 + {Square(E())})",
            30 => $"Math.Cbrt(2 + Math.Sin({E()}))",
            31 => $"Math.FusedMultiplyAdd({E()}, {E()}, {E()})",
            32 => $"double.Hypot({E()}, 1 + {Square(E())})",
            _ => _random.Next(2) == 0 ? $"Helper({E()}, {E()})" : $"({E()} > {E()} ? {E()} : {E()})",
        };
    }

    private static string Square(string e) => $"({e}) * ({e})";
}
