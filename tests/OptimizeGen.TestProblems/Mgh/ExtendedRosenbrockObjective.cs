namespace OptimizeGen.TestProblems.Mgh;

/// <summary>
/// The extended Rosenbrock function with hand-written exact derivatives (O(n) each), for the tests and benchmarks that need an <see cref="IGradientObjective"/> or an
/// <see cref="IHessianVectorObjective"/> independent of the generator (the extended Rosenbrock function of
/// Moré–Garbow–Hillstrom 1981, problem 21: minimum f = 0 at x = (1, …, 1)).
/// </summary>
public sealed class ExtendedRosenbrock(int n = -1) : IHessianVectorObjective
{
    public int Dimension => n;

    public int Calls { get; private set; }

    public double Value(ReadOnlySpan<double> x)
    {
        Calls++;
        double f = 0;
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            double a = 10 * (x[i + 1] - x[i] * x[i]);
            double b = 1 - x[i];
            f += a * a + b * b;
        }

        return f;
    }

    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double f = Value(x);
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            double a = 10 * (x[i + 1] - x[i] * x[i]);
            gradient[i] = -40 * x[i] * a - 2 * (1 - x[i]);
            gradient[i + 1] = 20 * a;
        }

        return f;
    }

    public double HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> gradient, Span<double> product)
    {
        double f = ValueAndGradient(x, gradient);
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            double h11 = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            double h12 = -400 * x[i];
            product[i] = h11 * v[i] + h12 * v[i + 1];
            product[i + 1] = h12 * v[i] + 200 * v[i + 1];
        }

        return f;
    }

    public static double[] Start(int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i += 2)
        {
            x[i] = -1.2;
            x[i + 1] = 1.0;
        }

        return x;
    }
}
