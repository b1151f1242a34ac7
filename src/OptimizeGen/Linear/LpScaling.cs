// Scaling of the managed simplex: geometric-mean scaling of rows and columns, iterated (Fourer 1982, "Solving
// staircase linear programs by the simplex method, 1: Inversion", Math. Prog. 23; the scheme Curtis & Reid and
// later codes refine), then equilibration of each column to a largest entry of 1. Every factor is rounded to a power
// of 2 so scaling adds no rounding error. The scaled problem is Ã = R·A·S, x = S·x̃, c̃ = S·c, row bounds R·b;
// its duals map back as y = R·ỹ and d = d̃ / S.
namespace OptimizeGen;

internal static class LpScaling
{
    public static (double[] Row, double[] Col) Compute(int m, int n, int[] starts, int[] rows, double[] values, int passes = 6)
    {
        var r = new double[m];
        var s = new double[n];
        Array.Fill(r, 1.0);
        Array.Fill(s, 1.0);
        var rowMin = new double[m];
        var rowMax = new double[m];
        for (int pass = 0; pass < passes; pass++)
        {
            // Columns: s_j = 1 / sqrt(min·max) of |r_i a_ij|.
            for (int j = 0; j < n; j++)
            {
                double lo = double.PositiveInfinity, hi = 0;
                for (int k = starts[j]; k < starts[j + 1]; k++)
                {
                    double a = Math.Abs(values[k] * r[rows[k]]);
                    lo = Math.Min(lo, a);
                    hi = Math.Max(hi, a);
                }

                s[j] = hi > 0 ? 1.0 / Math.Sqrt(lo * hi) : 1.0;
            }

            Array.Fill(rowMin, double.PositiveInfinity);
            Array.Clear(rowMax);
            for (int j = 0; j < n; j++)
            {
                for (int k = starts[j]; k < starts[j + 1]; k++)
                {
                    double a = Math.Abs(values[k] * s[j]);
                    int i = rows[k];
                    rowMin[i] = Math.Min(rowMin[i], a);
                    rowMax[i] = Math.Max(rowMax[i], a);
                }
            }

            for (int i = 0; i < m; i++)
            {
                r[i] = rowMax[i] > 0 ? 1.0 / Math.Sqrt(rowMin[i] * rowMax[i]) : 1.0;
            }
        }

        for (int i = 0; i < m; i++)
        {
            r[i] = PowerOfTwo(r[i]);
        }

        // Column equilibration: largest |r_i a_ij s_j| = 1 (to a power of 2).
        for (int j = 0; j < n; j++)
        {
            double hi = 0;
            for (int k = starts[j]; k < starts[j + 1]; k++)
            {
                hi = Math.Max(hi, Math.Abs(values[k] * r[rows[k]]));
            }

            s[j] = hi > 0 ? PowerOfTwo(1.0 / hi) : 1.0;
        }

        return (r, s);
    }

    private static double PowerOfTwo(double v) => Math.Pow(2.0, Math.Round(Math.Log2(v)));
}
