namespace OptimizeGen;

// Algorithm 748 (scipy root_scalar 'toms748'): G. E. Alefeld, F. A. Potra, Y. Shi, "Algorithm 748: enclosing zeros of continuous
// functions", ACM TOMS 21 (1995) 327–344 — their Algorithm 4.2 with one interpolation step per iteration (scipy's k = 1).
// Every iteration keeps a bracket [a, b] and the two most recently discarded points d, e, and
//   1. takes the zero of the inverse cubic through (a, b, d, e) when the four f-values are well separated (> 32ε apart), else
//      two Newton steps on the quadratic through (a, b, d), and re-brackets;
//   2. takes a double-length secant step from the endpoint u with the smaller |f| (c = u − 2f(u)/f[a, b]), falling back to the
//      midpoint when it is too long, and re-brackets;
//   3. bisects when the bracket did not shrink to half its width at the start of the iteration.
// The asymptotic efficiency index is about 1.65 (three evaluations per iteration at most). The solve stops when f(c) = 0 or
// |b − a| ≤ xtol + rtol·|b| (scipy's isclose test) and returns the midpoint of the bracket.
// Departure from the paper: its tolerance rule (2·ε|u| + tol) is replaced by scipy's, so the options mean what they mean for the
// other bracketing methods.
internal static class Toms748
{
    private const double Mu = 0.5;

    public static RootScalarResult Solve(RootScalarFunction f, double a0, double b0, double fa0, double fb0, double xtol, double rtol, int maxiter)
    {
        const RootScalarMethod method = RootScalarMethod.Toms748;
        double eps = NumericalDifferentiation.MachineEpsilon;
        var s = new State { A = a0, B = b0, Fa = fa0, Fb = fb0 };
        int iterations = 0;

        // The first step: a secant step (the midpoint when it leaves the bracket).
        double c = Secant(s.A, s.B, s.Fa, s.Fb);
        if (!(s.A < c && c < s.B))
        {
            c = 0.5 * (s.A + s.B);
        }

        double fc = f.Evaluate(c);
        if (double.IsNaN(fc))
        {
            return RootScalarOutcome.NotFinite(method, c, 1, f);
        }

        if (fc == 0)
        {
            return RootScalarOutcome.Converged(method, c, 1, f);
        }

        (double d, double fd) = s.Update(c, fc);
        double e = double.NaN, fe = double.NaN;
        iterations = 1;
        if (s.Closed(xtol, rtol))
        {
            return RootScalarOutcome.Converged(method, s.Mid, iterations, f);
        }

        while (iterations < maxiter)
        {
            iterations++;
            double width = s.B - s.A;

            // 1. Inverse cubic interpolation, or Newton on the quadratic.
            double cc = double.NaN;
            if (!double.IsNaN(fe) && WellSeparated(s.Fa, s.Fb, fd, fe, 32 * eps))
            {
                double c0 = InverseCubicZero(s.A, s.B, d, e, s.Fa, s.Fb, fd, fe);
                if (s.A < c0 && c0 < s.B)
                {
                    cc = c0;
                }
            }

            if (double.IsNaN(cc))
            {
                cc = NewtonQuadratic(s.A, s.B, d, s.Fa, s.Fb, fd, 2);
            }

            fc = f.Evaluate(cc);
            if (double.IsNaN(fc))
            {
                return RootScalarOutcome.NotFinite(method, cc, iterations, f);
            }

            if (fc == 0)
            {
                return RootScalarOutcome.Converged(method, cc, iterations, f);
            }

            e = d;
            fe = fd;
            (d, fd) = s.Update(cc, fc);
            if (s.Closed(xtol, rtol))
            {
                return RootScalarOutcome.Converged(method, s.Mid, iterations, f);
            }

            // 2. The double-length secant step from the better endpoint.
            bool useA = Math.Abs(s.Fa) < Math.Abs(s.Fb);
            double u = useA ? s.A : s.B, fu = useA ? s.Fa : s.Fb;
            double slope = (s.Fb - s.Fa) / (s.B - s.A);
            cc = u - 2 * fu / slope;
            if (!(Math.Abs(cc - u) <= 0.5 * (s.B - s.A)))
            {
                cc = s.Mid;
            }
            else if (Math.Abs(cc - u) <= eps * Math.Abs(u))
            {
                // The step vanished: the endpoint values differ hugely, or the root sits at the endpoint. Move off u by about
                // the tolerance (or by 1/32 of the bracket when |f| differs by more than 2⁵⁰).
                double other = useA ? s.Fb : s.Fa;
                if (Math.ILogB(fu) < Math.ILogB(other) - 50)
                {
                    cc = useA ? (31 * s.A + s.B) / 32 : (31 * s.B + s.A) / 32;
                }
                else
                {
                    double sign = useA ? 1 : -1;
                    cc = u + sign * (Math.Abs(cc) * rtol + xtol);
                }

                if (!(s.A < cc && cc < s.B))
                {
                    cc = s.Mid;
                }
            }

            fc = f.Evaluate(cc);
            if (double.IsNaN(fc))
            {
                return RootScalarOutcome.NotFinite(method, cc, iterations, f);
            }

            if (fc == 0)
            {
                return RootScalarOutcome.Converged(method, cc, iterations, f);
            }

            e = d;
            fe = fd;
            (double z, double fz) = s.Update(cc, fc);
            if (s.Closed(xtol, rtol))
            {
                return RootScalarOutcome.Converged(method, s.Mid, iterations, f);
            }

            // 3. Bisect when the bracket has not halved.
            if (s.B - s.A > Mu * width)
            {
                e = z;
                fe = fz;
                cc = s.Mid;
                fc = f.Evaluate(cc);
                if (double.IsNaN(fc))
                {
                    return RootScalarOutcome.NotFinite(method, cc, iterations, f);
                }

                if (fc == 0)
                {
                    return RootScalarOutcome.Converged(method, cc, iterations, f);
                }

                (z, fz) = s.Update(cc, fc);
                if (s.Closed(xtol, rtol))
                {
                    return RootScalarOutcome.Converged(method, s.Mid, iterations, f);
                }
            }

            d = z;
            fd = fz;
        }

        return RootScalarOutcome.MaxIterations(method, s.Mid, iterations, f);
    }

    private static double Secant(double a, double b, double fa, double fb) => a - fa * (b - a) / (fb - fa);

    private static bool WellSeparated(double f1, double f2, double f3, double f4, double atol) =>
        Math.Abs(f1 - f2) > atol && Math.Abs(f1 - f3) > atol && Math.Abs(f1 - f4) > atol &&
        Math.Abs(f2 - f3) > atol && Math.Abs(f2 - f4) > atol && Math.Abs(f3 - f4) > atol;

    /// <summary>The value at f = 0 of the cubic x(f) through the four points, by Neville's scheme.</summary>
    private static double InverseCubicZero(double a, double b, double c, double d, double fa, double fb, double fc, double fd)
    {
        Span<double> x = [a, b, c, d];
        Span<double> y = [fa, fb, fc, fd];
        for (int k = 1; k < 4; k++)
        {
            for (int i = 0; i < 4 - k; i++)
            {
                x[i] = (-y[i + k] * x[i] + y[i] * x[i + 1]) / (y[i] - y[i + k]);
            }
        }

        return x[0];
    }

    /// <summary>
    /// <paramref name="steps"/> Newton steps on the quadratic P through (a, fa), (b, fb), (d, fd), from the endpoint where P and
    /// P″ have the same sign (so the iteration stays in the bracket); the secant step when P is linear; the midpoint when a step
    /// leaves the bracket.
    /// </summary>
    private static double NewtonQuadratic(double a, double b, double d, double fa, double fb, double fd, int steps)
    {
        double fab = (fb - fa) / (b - a);
        double fbd = (fd - fb) / (d - b);
        double fabd = (fbd - fab) / (d - a);
        if (fabd == 0 || !double.IsFinite(fabd))
        {
            return a - fa / fab;
        }

        double r = Math.Sign(fabd) * Math.Sign(fa) > 0 ? a : b;
        for (int i = 0; i < steps; i++)
        {
            double p = (fabd * (r - b) + fab) * (r - a) + fa;
            double dp = fab + fabd * (2 * r - a - b);
            double r1 = r - p / dp;
            if (!(a < r1 && r1 < b))
            {
                return a < r && r < b ? r : 0.5 * (a + b);
            }

            r = r1;
        }

        return r;
    }

    /// <summary>The bracket [A, B] with F(A)·F(B) &lt; 0.</summary>
    private sealed class State
    {
        public double A;
        public double B;
        public double Fa;
        public double Fb;

        public double Mid => 0.5 * (A + B);

        /// <summary>Replaces the endpoint whose f has the sign of f(c); returns the discarded point.</summary>
        public (double X, double Fx) Update(double c, double fc)
        {
            if (Math.Sign(Fa) * Math.Sign(fc) > 0)
            {
                var old = (A, Fa);
                A = c;
                Fa = fc;
                return old;
            }
            else
            {
                var old = (B, Fb);
                B = c;
                Fb = fc;
                return old;
            }
        }

        public bool Closed(double xtol, double rtol) => Math.Abs(B - A) <= xtol + rtol * Math.Abs(B);
    }
}
