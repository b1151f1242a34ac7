// trust-constr: the trust-region methods of scipy's minimize(method='trust-constr').
// • Equality-constrained SQP (Byrd–Omojokun): the step is a normal step dn (modified dogleg towards A d + b = 0 within
//   0.8Δ) plus a tangential step dt (projected conjugate gradients on the quadratic model in the null space of A, within
//   the rest of the trust region and a box); the merit function is f + ρ‖b‖₂ with ρ raised so that the model predicts
//   a reduction; a second-order correction −Y b(x + d) is tried when a step with a small normal part is rejected.
//   M. Lalee, J. Nocedal, T. Plantenga (1998) "On the implementation of an algorithm for large-scale equality
//   constrained optimization", SIAM J. Optim. 8(3) 682–706; Nocedal & Wright, Numerical Optimization (2006) §18.5,
//   Algorithm 16.2 (projected CG).
// • Inequalities by a barrier interior point (Byrd, Hribar, Nocedal 1999, "An interior point algorithm for large-scale
//   nonlinear programming", SIAM J. Optim. 9(4) 877–900): slacks s > 0 turn c(x) ≤ 0 into c(x) + s = 0, the objective
//   becomes f − μ Σ ln sᵢ, the slacks are scaled by S = diag(s) and kept off the boundary (scaled step ≥ −0.995); each
//   barrier subproblem is solved by the SQP above to a tolerance that shrinks with μ (both × 0.2 per subproblem).
//   Bounds on x are inequality constraints, as in scipy.
// Constants, stopping tests and defaults follow scipy 1.10 (_trustregion_constr: gtol = xtol = barrier_tol = 1e-8,
// maxiter = 1000, Δ₀ = 1, ρ₀ = 1, μ₀ = 0.1; success on ‖∇ₓL‖∞ < gtol with violation < gtol, or Δ < xtol with μ < barrier_tol).
// Departures: the Lagrangian's Hessian is one damped BFGS approximation (Powell's damping, first scaled by yᵀy/yᵀs)
// updated with the change of ∇ₓL, where scipy sums separate BFGS approximations of f and of every constraint; the
// projections use a Householder QR of Aᵀ with column pivoting (dependent rows dropped, where scipy switches to an SVD)
// without scipy's iterative refinement; an xtol stop (a success in scipy) is a success here only with the violation
// < gtol and ‖∇ₓL‖∞ ≤ √gtol, otherwise PrecisionLoss (violation ≤ √gtol) or Infeasible; with inequalities
// the gtol test also asks μ < barrier_tol (scipy's test looks at ∇ₓL only, which vanishes at every barrier subproblem's
// solution: scipy stops HS14 at μ = 8e-4 with f off by 6e-4 relative; we go on lowering μ).

namespace OptimizeGen;

internal sealed class TrustConstr
{
    private const double PenaltyFactor = 0.3;
    private const double LargeReductionRatio = 0.9;
    private const double IntermediaryReductionRatio = 0.3;
    private const double SufficientReductionRatio = 1e-8;
    private const double TrustEnlargementFactorL = 7.0;
    private const double TrustEnlargementFactorS = 2.0;
    private const double MaxTrustReduction = 0.5;
    private const double MinTrustReduction = 0.1;
    private const double SocThreshold = 0.1;
    private const double TrFactor = 0.8;
    private const double BoxFactor = 0.5;
    private const double BoundaryParameter = 0.995;
    private const double BarrierDecayRatio = 0.2;
    private const double TrustEnlargement = 5;

    private readonly MinimizeContext _context;
    private readonly ConstraintSet _cs;
    private readonly int _n;
    private readonly int _me;
    private readonly int _mi;
    private readonly int _nz;
    private readonly int _m;
    private readonly double _gtol;
    private readonly double _xtol;
    private readonly double _barrierTol;
    private readonly int _maxIter;
    private readonly TrustConstrOptions _options;

    // current point z = (x, s) with f, ∇f, constraint values and Jacobians at x
    private readonly double[] _z;
    private double _f;
    private readonly double[] _g;
    private readonly double[] _ce;
    private readonly double[] _ci;
    private readonly double[] _ae;
    private readonly double[] _ai;

    // the subproblem at z: scaled gradient c, constraints b, scaled Jacobian A (m × nz), multipliers v, Hessian
    private double _phi;
    private readonly double[] _c;
    private readonly double[] _b;
    private readonly double[] _a;
    private readonly double[] _v;
    private readonly double[] _bfgs;
    private readonly double[] _hs;
    private bool _bfgsScaled;
    private readonly Projections _proj;
    private double _mu;

    // workspaces
    private readonly double[] _lb;
    private readonly double[] _ub;
    private readonly double[] _lbHalf;
    private readonly double[] _ubHalf;
    private readonly double[] _lbt;
    private readonly double[] _ubt;
    private readonly double[] _dn;
    private readonly double[] _dt;
    private readonly double[] _d;
    private readonly double[] _ct;
    private readonly double[] _hd;
    private readonly double[] _lin;
    private readonly double[] _zTrial;
    private readonly double[] _ceTrial;
    private readonly double[] _ciTrial;
    private readonly double[] _bTrial;
    private readonly double[] _zSoc;
    private readonly double[] _ceSoc;
    private readonly double[] _ciSoc;
    private readonly double[] _bSoc;
    private readonly double[] _y;
    private readonly double[] _w1;
    private readonly double[] _w2;
    private readonly double[] _w3;
    private readonly double[] _cgR;
    private readonly double[] _cgG;
    private readonly double[] _cgP;
    private readonly double[] _cgHp;
    private readonly double[] _cgNext;
    private readonly double[] _cgLast;
    private readonly double[] _gOld;
    private readonly double[] _aeOld;
    private readonly double[] _aiOld;
    private readonly double[] _xOld;
    private readonly double[] _sVec;
    private readonly double[] _yVec;
    private readonly double[] _bs;
    private readonly double[] _xView;

    // the global state of scipy's stop_criteria
    private int _nit;
    private double _optimality;
    private double _violation;
    private OptimizeStatus? _status;
    private string _message = "";

    private TrustConstr(MinimizeContext context, double[] x0, IReadOnlyList<ConstraintBase> constraints)
    {
        _context = context;
        _n = x0.Length;
        _options = context.Options as TrustConstrOptions ?? new TrustConstrOptions();
        double? tol = context.Options.Tol;
        _gtol = context.Options.Gtol ?? tol ?? 1e-8;
        _xtol = _options.Xtol ?? tol ?? 1e-8;
        _barrierTol = _options.BarrierTol ?? tol ?? 1e-8;
        _maxIter = context.Options.MaxIter ?? 1000;
        double[]? lower = null;
        double[]? upper = null;
        if (context.Bounds is { } bounds)
        {
            (lower, upper) = bounds.Resolve(_n);
        }

        _cs = new ConstraintSet(constraints, _n, lower, upper, context.Options);
        _me = _cs.Equalities;
        _mi = _cs.Inequalities;
        _nz = _n + _mi;
        _m = _me + _mi;
        int n = _n;
        int nz = _nz;
        int m = _m;
        _z = new double[nz];
        Array.Copy(x0, _z, n);
        _g = new double[n];
        _ce = new double[_me];
        _ci = new double[_mi];
        _ae = new double[_me * n];
        _ai = new double[_mi * n];
        _c = new double[nz];
        _b = new double[m];
        _a = new double[m * nz];
        _v = new double[m];
        _bfgs = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            _bfgs[i * n + i] = 1;
        }

        _hs = new double[_mi];
        _proj = new Projections(nz, m);
        _lb = new double[nz];
        _ub = new double[nz];
        _lbHalf = new double[nz];
        _ubHalf = new double[nz];
        for (int i = 0; i < nz; i++)
        {
            _lb[i] = i < n ? double.NegativeInfinity : -BoundaryParameter;
            _ub[i] = double.PositiveInfinity;
            _lbHalf[i] = BoxFactor * _lb[i];
            _ubHalf[i] = BoxFactor * _ub[i];
        }

        _lbt = new double[nz];
        _ubt = new double[nz];
        _dn = new double[nz];
        _dt = new double[nz];
        _d = new double[nz];
        _ct = new double[nz];
        _hd = new double[nz];
        _lin = new double[m];
        _zTrial = new double[nz];
        _ceTrial = new double[_me];
        _ciTrial = new double[_mi];
        _bTrial = new double[m];
        _zSoc = new double[nz];
        _ceSoc = new double[_me];
        _ciSoc = new double[_mi];
        _bSoc = new double[m];
        _y = new double[nz];
        _w1 = new double[Math.Max(nz, m)];
        _w2 = new double[Math.Max(nz, m)];
        _w3 = new double[Math.Max(nz, m)];
        _cgR = new double[nz];
        _cgG = new double[nz];
        _cgP = new double[nz];
        _cgHp = new double[nz];
        _cgNext = new double[nz];
        _cgLast = new double[nz];
        _gOld = new double[n];
        _aeOld = new double[_me * n];
        _aiOld = new double[_mi * n];
        _xOld = new double[n];
        _sVec = new double[n];
        _yVec = new double[n];
        _bs = new double[n];
        _xView = new double[n];
    }

    public static OptimizeResult Minimize(MinimizeContext context, double[] x0, IReadOnlyList<ConstraintBase> constraints) =>
        new TrustConstr(context, x0, constraints).Run();

    private OptimizeResult Run()
    {
        int n = _n;
        _f = _context.ValueAndGradient(_z.AsSpan(0, n), _g);
        _cs.EvaluateWithJacobian(_z.AsSpan(0, n), _ce, _ci, _ae, _ai);
        if (!EverythingFinite())
        {
            return Result(OptimizeStatus.NotFinite, $"The objective, a constraint or a gradient is not finite at x0 (f = {_f}).");
        }

        double trustRadius = _options.InitialTrRadius;
        if (_mi == 0)
        {
            _mu = 0;
            Sqp(ref trustRadius, barrier: false, 0);
        }
        else
        {
            // s₀ = max(−1.5 c_ineq(x₀), 1) with c_ineq = −c_I.
            for (int i = 0; i < _mi; i++)
            {
                _z[n + i] = Math.Max(1.5 * _ci[i], 1);
            }

            _mu = _options.InitialBarrierParameter;
            double tolerance = _options.InitialBarrierTolerance;
            while (true)
            {
                double radius = trustRadius;
                Sqp(ref radius, barrier: true, tolerance);
                if (_status is not null)
                {
                    break;
                }

                trustRadius = Math.Max(_options.InitialTrRadius, TrustEnlargement * radius);
                _mu *= BarrierDecayRatio;
                tolerance *= BarrierDecayRatio;
            }
        }

        return Result(_status!.Value, _message);
    }

    private bool EverythingFinite() =>
        double.IsFinite(_f) && MinimizeContext.AllFinite(_g) && MinimizeContext.AllFinite(_ce) && MinimizeContext.AllFinite(_ci)
        && MinimizeContext.AllFinite(_ae) && MinimizeContext.AllFinite(_ai);

    /// <summary>One run of the equality-constrained SQP on the current (barrier) subproblem; scipy's equality_constrained_sqp.</summary>
    private void Sqp(ref double trustRadius, bool barrier, double tolerance)
    {
        int nz = _nz;
        int m = _m;
        double penalty = _options.InitialConstrPenalty;
        BuildSubproblem();
        _proj.Factor(_a);

        Multipliers();
        BuildSlackHessian();
        double subOptimality = SubproblemOptimality();
        double subViolation = NormInf(_b);
        bool lastFailed = false;
        while (!Stop(lastFailed, subOptimality, subViolation, trustRadius, barrier, tolerance))
        {
            ModifiedDogleg(TrFactor * trustRadius);
            HessianTimes(_dn, _ct);
            for (int i = 0; i < nz; i++)
            {
                _ct[i] += _c[i];
                _lbt[i] = _lb[i] - _dn[i];
                _ubt[i] = _ub[i] - _dn[i];
            }

            double dnNorm = Norm2(_dn);
            double radiusT = Math.Sqrt(Math.Max(trustRadius * trustRadius - dnNorm * dnNorm, 0));
            ProjectedCg(radiusT);
            for (int i = 0; i < nz; i++)
            {
                _d[i] = _dn[i] + _dt[i];
            }

            HessianTimes(_d, _hd);
            double quadratic = 0.5 * Dot(_hd, _d) + Dot(_c, _d);
            Multiply(_a, m, nz, _d, _lin);
            for (int i = 0; i < m; i++)
            {
                _lin[i] += _b[i];
            }

            double bNorm = Norm2(_b);
            double vpred = Math.Max(1e-16, bNorm - Norm2(_lin));
            double previousPenalty = penalty;
            if (quadratic > 0)
            {
                penalty = Math.Max(penalty, quadratic / ((1 - PenaltyFactor) * vpred));
            }

            double predicted = -quadratic + penalty * vpred;
            double merit = _phi + penalty * bNorm;
            Step(_d, _zTrial);
            double phiTrial = EvaluateTrial(_zTrial, _ceTrial, _ciTrial, _bTrial);
            double ratio = (merit - (phiTrial + penalty * Norm2(_bTrial))) / predicted;
            if (!double.IsFinite(ratio))
            {
                ratio = double.NegativeInfinity;
            }

            bool soc = false;
            double phiSoc = 0;
            if (ratio < SufficientReductionRatio && dnNorm <= SocThreshold * Norm2(_dt) && m > 0)
            {
                _proj.RowSpace(_bTrial, _y);
                for (int i = 0; i < nz; i++)
                {
                    _y[i] = -_y[i];
                }

                var (_, t, intersect) = BoxIntersections(_d, _y, _lb, _ub, entireLine: false);
                for (int i = 0; i < nz; i++)
                {
                    _w1[i] = _d[i] + t * _y[i];
                }

                Step(_w1.AsSpan(0, nz), _zSoc);
                phiSoc = EvaluateTrial(_zSoc, _ceSoc, _ciSoc, _bSoc);
                double ratioSoc = (merit - (phiSoc + penalty * Norm2(_bSoc))) / predicted;
                if (intersect && ratioSoc >= SufficientReductionRatio)
                {
                    soc = true;
                    ratio = ratioSoc;
                }
            }

            double dNorm = Norm2(_d);
            if (ratio >= LargeReductionRatio)
            {
                trustRadius = Math.Max(TrustEnlargementFactorL * dNorm, trustRadius);
            }
            else if (ratio >= IntermediaryReductionRatio)
            {
                trustRadius = Math.Max(TrustEnlargementFactorS * dNorm, trustRadius);
            }
            else if (ratio < SufficientReductionRatio)
            {
                double reduction = (1 - SufficientReductionRatio) / (1 - ratio);
                double newRadius = reduction * dNorm;
                if (newRadius >= MaxTrustReduction * trustRadius)
                {
                    trustRadius *= MaxTrustReduction;
                }
                else if (newRadius >= MinTrustReduction * trustRadius)
                {
                    trustRadius = newRadius;
                }
                else
                {
                    trustRadius *= MinTrustReduction;
                }
            }

            if (ratio >= SufficientReductionRatio)
            {
                Array.Copy(_z, _xOld, _n);
                Array.Copy(_g, _gOld, _n);
                Array.Copy(_ae, _aeOld, _ae.Length);
                Array.Copy(_ai, _aiOld, _ai.Length);
                Array.Copy(soc ? _zSoc : _zTrial, _z, nz);
                _f = _context.ValueAndGradient(_z.AsSpan(0, _n), _g);
                _cs.EvaluateWithJacobian(_z.AsSpan(0, _n), _ce, _ci, _ae, _ai);
                if (!EverythingFinite())
                {
                    _status = OptimizeStatus.NotFinite;
                    _message = "The gradient or a constraint's Jacobian is not finite at an accepted point.";
                    return;
                }

                BuildSubproblem();
                _proj.Factor(_a);

                Multipliers();
                UpdateBfgs();
                BuildSlackHessian();
                lastFailed = false;
                subOptimality = SubproblemOptimality();
                subViolation = NormInf(_b);
            }
            else
            {
                penalty = previousPenalty;
                lastFailed = true;
            }
        }
    }

    /// <summary>scipy's stop_criteria (global tests) and, in a barrier subproblem, its own tolerance test.</summary>
    private bool Stop(bool lastFailed, double subOptimality, double subViolation, double trustRadius, bool barrier, double tolerance)
    {
        _nit++;
        if (!lastFailed)
        {
            // ∇ₓL = ∇f + J_Eᵀv_E + J_ineqᵀv_I with J_ineq = −∇c_I.
            for (int j = 0; j < _n; j++)
            {
                double s = _g[j];
                for (int e = 0; e < _me; e++)
                {
                    s += _ae[e * _n + j] * _v[e];
                }

                for (int i = 0; i < _mi; i++)
                {
                    s -= _ai[i * _n + j] * _v[_me + i];
                }

                _w3[j] = s;
            }

            _optimality = NormInf(_w3.AsSpan(0, _n));
            _violation = ConstraintSet.Violation(_ce, _ci);
        }

        Array.Copy(_z, _xView, _n);
        if (_context.AfterIteration(_nit, _xView, _f) is OptimizeStatus stop)
        {
            _status = stop;
            _message = _context.InterruptMessage(stop, _nit);
            return true;
        }

        if (_optimality < _gtol && _violation < _gtol && (!barrier || _mu < _barrierTol))
        {
            _status = OptimizeStatus.Converged;
            _message = $"`gtol` termination condition is satisfied: ‖∇L‖∞ = {_optimality:G3} and violation = {_violation:G3} < gtol = {_gtol:G3}.";
            return true;
        }

        if (trustRadius < _xtol && (!barrier || _mu < _barrierTol))
        {
            if (_violation < _gtol && _optimality <= Math.Sqrt(_gtol))
            {
                _status = OptimizeStatus.Converged;
                _message = $"`xtol` termination condition is satisfied: Δ = {trustRadius:G3} < xtol = {_xtol:G3}; ‖∇L‖∞ = {_optimality:G3}, violation = {_violation:G3}.";
            }
            else if (_violation <= Math.Sqrt(_gtol))
            {
                _status = OptimizeStatus.PrecisionLoss;
                _message = $"The trust radius fell below xtol = {_xtol:G3} with ‖∇L‖∞ = {_optimality:G3} (above √gtol = {Math.Sqrt(_gtol):G3}) or the violation {_violation:G3} above gtol = {_gtol:G3}: no further progress.";
            }
            else
            {
                _status = OptimizeStatus.Infeasible;
                _message = $"The trust radius fell below xtol = {_xtol:G3} at a point that violates the constraints by {_violation:G3}: they may be infeasible.";
            }

            return true;
        }

        if (_nit >= _maxIter)
        {
            _status = OptimizeStatus.MaxIterationsReached;
            _message = $"The maximum number of function evaluations is exceeded (maxiter = {_maxIter}); ‖∇L‖∞ = {_optimality:G3}, violation = {_violation:G3}.";
            return true;
        }

        if (barrier)
        {
            return (subOptimality < tolerance && subViolation < tolerance) || trustRadius < _xtol;
        }

        return false;
    }

    /// <summary>φ, c, b, A of the subproblem at z from f, ∇f, c_E, c_I and their Jacobians.</summary>
    private void BuildSubproblem()
    {
        int n = _n;
        int nz = _nz;
        _phi = BarrierValue(_f, _z);
        for (int j = 0; j < n; j++)
        {
            _c[j] = _g[j];
        }

        for (int i = 0; i < _mi; i++)
        {
            _c[n + i] = -_mu;
        }

        Constraints(_z, _ce, _ci, _b);
        Array.Clear(_a);
        for (int e = 0; e < _me; e++)
        {
            Array.Copy(_ae, e * n, _a, e * nz, n);
        }

        for (int i = 0; i < _mi; i++)
        {
            int row = (_me + i) * nz;
            for (int j = 0; j < n; j++)
            {
                _a[row + j] = -_ai[i * n + j];
            }

            _a[row + n + i] = _z[n + i];
        }
    }

    private double BarrierValue(double f, ReadOnlySpan<double> z)
    {
        double sum = 0;
        for (int i = 0; i < _mi; i++)
        {
            double s = z[_n + i];
            sum += s > 0 ? Math.Log(s) : double.NegativeInfinity;
        }

        return _mi == 0 ? f : f - _mu * sum;
    }

    private void Constraints(ReadOnlySpan<double> z, ReadOnlySpan<double> ce, ReadOnlySpan<double> ci, Span<double> b)
    {
        for (int e = 0; e < _me; e++)
        {
            b[e] = ce[e];
        }

        for (int i = 0; i < _mi; i++)
        {
            b[_me + i] = -ci[i] + z[_n + i];
        }
    }

    private double EvaluateTrial(double[] z, double[] ce, double[] ci, double[] b)
    {
        double f = _context.Value(z.AsSpan(0, _n));
        _cs.Evaluate(z.AsSpan(0, _n), ce, ci);
        Constraints(z, ce, ci, b);
        double phi = BarrierValue(f, z);
        return double.IsFinite(phi) && MinimizeContext.AllFinite(b) ? phi : double.PositiveInfinity;
    }

    /// <summary>z + S d: x + dₓ, s + s∘dₛ.</summary>
    private void Step(ReadOnlySpan<double> d, double[] target)
    {
        for (int j = 0; j < _n; j++)
        {
            target[j] = _z[j] + d[j];
        }

        for (int i = _n; i < _nz; i++)
        {
            target[i] = _z[i] + _z[i] * d[i];
        }
    }

    /// <summary>v = −LS c, the least-squares multipliers: argmin ‖c + Aᵀv‖.</summary>
    private void Multipliers()
    {
        _proj.LeastSquares(_c, _v);
        for (int i = 0; i < _m; i++)
        {
            _v[i] = -_v[i];
        }
    }

    /// <summary>‖c + Aᵀv‖∞ of the subproblem.</summary>
    private double SubproblemOptimality()
    {
        double worst = 0;
        for (int j = 0; j < _nz; j++)
        {
            double s = _c[j];
            for (int i = 0; i < _m; i++)
            {
                s += _a[i * _nz + j] * _v[i];
            }

            worst = Math.Max(worst, Math.Abs(s));
        }

        return worst;
    }

    /// <summary>The slacks' block of the scaled Hessian: S Σ S = vᵢ sᵢ where vᵢ &gt; 0 (primal-dual), μ otherwise.</summary>
    private void BuildSlackHessian()
    {
        for (int i = 0; i < _mi; i++)
        {
            double vi = _v[_me + i];
            _hs[i] = vi > 0 ? vi * _z[_n + i] : _mu;
        }
    }

    /// <summary>Damped BFGS update of the x-block with s = Δx and y = Δ∇ₓL at the new multipliers.</summary>
    private void UpdateBfgs()
    {
        int n = _n;
        for (int j = 0; j < n; j++)
        {
            double gNew = _g[j];
            double gOld = _gOld[j];
            for (int e = 0; e < _me; e++)
            {
                gNew += _ae[e * n + j] * _v[e];
                gOld += _aeOld[e * n + j] * _v[e];
            }

            for (int i = 0; i < _mi; i++)
            {
                gNew -= _ai[i * n + j] * _v[_me + i];
                gOld -= _aiOld[i * n + j] * _v[_me + i];
            }

            _sVec[j] = _z[j] - _xOld[j];
            _yVec[j] = gNew - gOld;
        }

        double sy = Dot(_sVec, _yVec);
        double ss = Dot(_sVec, _sVec);
        if (ss == 0)
        {
            return;
        }

        if (!_bfgsScaled && sy > 0)
        {
            _bfgsScaled = true;
            double scale = Dot(_yVec, _yVec) / sy;
            Array.Clear(_bfgs);
            for (int i = 0; i < n; i++)
            {
                _bfgs[i * n + i] = scale;
            }
        }

        Multiply(_bfgs, n, n, _sVec, _bs);
        double sbs = Dot(_sVec, _bs);
        if (!(sbs > 0))
        {
            return;
        }

        if (sy < 0.2 * sbs)
        {
            double theta = 0.8 * sbs / (sbs - sy);
            for (int j = 0; j < n; j++)
            {
                _yVec[j] = theta * _yVec[j] + (1 - theta) * _bs[j];
            }

            sy = Dot(_sVec, _yVec);
        }

        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                _bfgs[i * n + k] += _yVec[i] * _yVec[k] / sy - _bs[i] * _bs[k] / sbs;
            }
        }
    }

    /// <summary>H p with H = diag(B, S Σ S).</summary>
    private void HessianTimes(ReadOnlySpan<double> p, Span<double> result)
    {
        int n = _n;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int k = 0; k < n; k++)
            {
                s += _bfgs[i * n + k] * p[k];
            }

            result[i] = s;
        }

        for (int i = 0; i < _mi; i++)
        {
            result[n + i] = _hs[i] * p[n + i];
        }
    }

    /// <summary>scipy's modified_dogleg: the normal step towards A d + b = 0 within the radius and half the box.</summary>
    private void ModifiedDogleg(double radius)
    {
        int nz = _nz;
        int m = _m;
        Span<double> newton = _w1.AsSpan(0, nz);
        _proj.RowSpace(_b, newton);
        for (int i = 0; i < nz; i++)
        {
            newton[i] = -newton[i];
        }

        if (InsideBox(newton, _lbHalf, _ubHalf) && Norm2(newton) <= radius)
        {
            newton.CopyTo(_dn);
            return;
        }

        Span<double> g = _w2.AsSpan(0, nz);
        for (int j = 0; j < nz; j++)
        {
            double s = 0;
            for (int i = 0; i < m; i++)
            {
                s += _a[i * nz + j] * _b[i];
            }

            g[j] = s;
        }

        Span<double> ag = _lin.AsSpan(0, m);
        Multiply(_a, m, nz, g, ag);
        double factor = -Dot(g, g) / Dot(ag, ag);
        Span<double> cauchy = _w3.AsSpan(0, nz);
        for (int i = 0; i < nz; i++)
        {
            cauchy[i] = factor * g[i];
        }

        // x1: along the dogleg from the Cauchy point to the Newton point, else along the Cauchy direction.
        Span<double> p = _cgNext.AsSpan(0, nz);
        for (int i = 0; i < nz; i++)
        {
            p[i] = newton[i] - cauchy[i];
        }

        var (_, alpha, intersect) = BoxSphereIntersections(cauchy, p, _lbHalf, _ubHalf, radius, entireLine: false);
        Span<double> x1 = _dt.AsSpan(0, nz);
        if (intersect)
        {
            for (int i = 0; i < nz; i++)
            {
                x1[i] = cauchy[i] + alpha * p[i];
            }
        }
        else
        {
            _cgLast.AsSpan(0, nz).Clear();
            (_, alpha, _) = BoxSphereIntersections(_cgLast, cauchy, _lbHalf, _ubHalf, radius, entireLine: false);
            for (int i = 0; i < nz; i++)
            {
                x1[i] = alpha * cauchy[i];
            }
        }

        _cgLast.AsSpan(0, nz).Clear();
        (_, alpha, _) = BoxSphereIntersections(_cgLast, newton, _lbHalf, _ubHalf, radius, entireLine: false);
        Span<double> x2 = _dn.AsSpan(0, nz);
        for (int i = 0; i < nz; i++)
        {
            x2[i] = alpha * newton[i];
        }

        if (Residual(x1) < Residual(x2))
        {
            x1.CopyTo(_dn);
        }
    }

    private double Residual(ReadOnlySpan<double> d)
    {
        double sum = 0;
        for (int i = 0; i < _m; i++)
        {
            double s = _b[i];
            for (int j = 0; j < _nz; j++)
            {
                s += _a[i * _nz + j] * d[j];
            }

            sum += s * s;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>scipy's projected_cg from x = 0 (the tangential step, b = 0) into _dt.</summary>
    private void ProjectedCg(double radius)
    {
        const double closeToZero = 1e-25;
        int nz = _nz;
        Span<double> x = _dt.AsSpan(0, nz);
        x.Clear();
        Span<double> r = _cgR;
        Span<double> g = _cgG;
        Span<double> p = _cgP;
        Span<double> hp = _cgHp;
        Span<double> last = _cgLast;
        last.Clear();
        _proj.Null(_ct, r);
        _proj.Null(r, g);
        for (int i = 0; i < nz; i++)
        {
            p[i] = -g[i];
        }

        HessianTimes(p, hp);
        double rtg = Dot(g, g);
        if (radius < closeToZero)
        {
            return;
        }

        double tol = Math.Max(Math.Min(0.01 * Math.Sqrt(rtg), 0.1 * rtg), closeToZero);
        int maxIter = nz - _proj.Rank;
        int counter = 0;
        for (int it = 0; it < maxIter; it++)
        {
            if (rtg < tol)
            {
                break;
            }

            double pHp = Dot(hp, p);
            if (pHp <= 0)
            {
                var (_, a, hit) = BoxSphereIntersections(x, p, _lbt, _ubt, radius, entireLine: true);
                if (hit)
                {
                    for (int i = 0; i < nz; i++)
                    {
                        x[i] += a * p[i];
                    }
                }

                Reinforce(x, _lbt, _ubt);
                break;
            }

            double alpha = rtg / pHp;
            Span<double> next = _cgNext;
            for (int i = 0; i < nz; i++)
            {
                next[i] = x[i] + alpha * p[i];
            }

            if (Norm2(next) >= radius)
            {
                for (int i = 0; i < nz; i++)
                {
                    _w2[i] = alpha * p[i];
                }

                var (_, theta, hit) = BoxSphereIntersections(x, _w2.AsSpan(0, nz), _lbt, _ubt, radius, entireLine: false);
                if (hit)
                {
                    for (int i = 0; i < nz; i++)
                    {
                        x[i] += theta * alpha * p[i];
                    }
                }

                Reinforce(x, _lbt, _ubt);
                break;
            }

            counter = InsideBox(next, _lbt, _ubt) ? 0 : counter + 1;
            if (counter > 0)
            {
                for (int i = 0; i < nz; i++)
                {
                    _w2[i] = alpha * p[i];
                }

                var (_, theta, hit) = BoxSphereIntersections(x, _w2.AsSpan(0, nz), _lbt, _ubt, radius, entireLine: false);
                if (hit)
                {
                    for (int i = 0; i < nz; i++)
                    {
                        last[i] = x[i] + theta * alpha * p[i];
                    }

                    Reinforce(last, _lbt, _ubt);
                    counter = 0;
                }
            }

            if (counter > maxIter)
            {
                break;
            }

            for (int i = 0; i < nz; i++)
            {
                r[i] += alpha * hp[i];
            }

            _proj.Null(r, g);
            double rtgNext = Dot(g, g);
            double beta = rtgNext / rtg;
            for (int i = 0; i < nz; i++)
            {
                p[i] = -g[i] + beta * p[i];
                x[i] = next[i];
            }

            g.CopyTo(r);
            rtg = rtgNext;
            HessianTimes(p, hp);
        }

        if (!InsideBox(x, _lbt, _ubt))
        {
            last.CopyTo(x);
        }
    }

    private OptimizeResult Result(OptimizeStatus status, string message)
    {
        var lambdaE = new double[_me];
        var lambdaI = new double[_mi];
        for (int e = 0; e < _me; e++)
        {
            lambdaE[e] = -_v[e];
        }

        for (int i = 0; i < _mi; i++)
        {
            lambdaI[i] = _v[_me + i];
        }

        return ConstrainedResult.Create(
            _context,
            _z[.._n],
            _f,
            status,
            message,
            _nit,
            (double[])_g.Clone(),
            ConstraintSet.Violation(_ce, _ci),
            _cs.RowMultipliers(lambdaE, lambdaI));
    }

    private static (double Ta, double Tb, bool Intersect) SphereIntersections(ReadOnlySpan<double> z, ReadOnlySpan<double> d, double radius, bool entireLine)
    {
        if (Norm2(d) == 0)
        {
            return (0, 0, false);
        }

        if (double.IsPositiveInfinity(radius))
        {
            return entireLine ? (double.NegativeInfinity, double.PositiveInfinity, true) : (0, 1, true);
        }

        double a = Dot(d, d);
        double b = 2 * Dot(z, d);
        double c = Dot(z, z) - radius * radius;
        double disc = b * b - 4 * a * c;
        if (disc < 0)
        {
            return (0, 0, false);
        }

        double sq = Math.Sqrt(disc);
        double aux = b + Math.CopySign(sq, b);
        double ta = -aux / (2 * a);
        double tb = -2 * c / aux;
        if (ta > tb)
        {
            (ta, tb) = (tb, ta);
        }

        if (entireLine)
        {
            return (ta, tb, true);
        }

        if (tb < 0 || ta > 1)
        {
            return (0, 0, false);
        }

        return (Math.Max(0, ta), Math.Min(1, tb), true);
    }

    private static (double Ta, double Tb, bool Intersect) BoxIntersections(ReadOnlySpan<double> z, ReadOnlySpan<double> d, ReadOnlySpan<double> lb, ReadOnlySpan<double> ub, bool entireLine)
    {
        if (Norm2(d) == 0)
        {
            return (0, 0, false);
        }

        double ta = double.NegativeInfinity;
        double tb = double.PositiveInfinity;
        for (int i = 0; i < z.Length; i++)
        {
            if (d[i] == 0)
            {
                if (z[i] < lb[i] || z[i] > ub[i])
                {
                    return (0, 0, false);
                }

                continue;
            }

            double tl = (lb[i] - z[i]) / d[i];
            double tu = (ub[i] - z[i]) / d[i];
            ta = Math.Max(ta, Math.Min(tl, tu));
            tb = Math.Min(tb, Math.Max(tl, tu));
        }

        bool intersect = ta <= tb;
        if (!entireLine)
        {
            if (tb < 0 || ta > 1)
            {
                return (0, 0, false);
            }

            ta = Math.Max(0, ta);
            tb = Math.Min(1, tb);
        }

        return (ta, tb, intersect);
    }

    private static (double Ta, double Tb, bool Intersect) BoxSphereIntersections(
        ReadOnlySpan<double> z, ReadOnlySpan<double> d, ReadOnlySpan<double> lb, ReadOnlySpan<double> ub, double radius, bool entireLine)
    {
        var (tab, tbb, ib) = BoxIntersections(z, d, lb, ub, entireLine);
        var (tas, tbs, isp) = SphereIntersections(z, d, radius, entireLine);
        double ta = Math.Max(tab, tas);
        double tb = Math.Min(tbb, tbs);
        return (ta, tb, ib && isp && ta <= tb);
    }

    private static bool InsideBox(ReadOnlySpan<double> x, ReadOnlySpan<double> lb, ReadOnlySpan<double> ub)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (!(lb[i] <= x[i]) || !(x[i] <= ub[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Reinforce(Span<double> x, ReadOnlySpan<double> lb, ReadOnlySpan<double> ub)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Math.Min(Math.Max(x[i], lb[i]), ub[i]);
        }
    }

    private static void Multiply(double[] a, int rows, int cols, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < rows; i++)
        {
            double s = 0;
            for (int j = 0; j < cols; j++)
            {
                s += a[i * cols + j] * x[j];
            }

            y[i] = s;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static double Norm2(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    private static double NormInf(ReadOnlySpan<double> a)
    {
        double m = 0;
        foreach (double e in a)
        {
            m = Math.Max(m, Math.Abs(e));
        }

        return m;
    }

    /// <summary>
    /// The projections of scipy's projections.py from a Householder QR with column pivoting of Aᵀ P = Q R (A is m × nz;
    /// the r columns whose remaining norm exceeds 1e-12 of the largest entry of A are kept, the others are treated as
    /// dependent, as scipy does with its SVD fallback for a singular Jacobian): Z x = x − Q Qᵀx (onto the null space of A),
    /// LS x = P R⁻¹Qᵀx (least-squares multipliers, zero on the dependent rows), Y b = Q R⁻ᵀ Pᵀb (the least-norm solution
    /// of the independent rows of A d = b).
    /// </summary>
    private sealed class Projections
    {
        private readonly int _nz;
        private readonly int _m;
        private readonly double[] _qr;
        private readonly double[] _beta;
        private readonly double[] _q;
        private readonly double[] _r;
        private readonly double[] _t;
        private readonly int[] _perm;
        private int _rank;

        public Projections(int nz, int m)
        {
            _nz = nz;
            _m = m;
            _qr = new double[nz * Math.Max(m, 1)];
            _beta = new double[Math.Max(m, 1)];
            _q = new double[nz * Math.Max(m, 1)];
            _r = new double[Math.Max(m * m, 1)];
            _t = new double[Math.Max(Math.Max(m, nz), 1)];
            _perm = new int[Math.Max(m, 1)];
        }

        /// <summary>The number of independent rows found by the last <see cref="Factor"/>.</summary>
        public int Rank => _rank;

        public void Factor(double[] a)
        {
            int nz = _nz;
            int m = _m;
            _rank = 0;
            if (m == 0)
            {
                return;
            }

            double scale = 0;
            for (int i = 0; i < nz; i++)
            {
                for (int k = 0; k < m; k++)
                {
                    _qr[i * m + k] = a[k * nz + i];
                    scale = Math.Max(scale, Math.Abs(a[k * nz + i]));
                }
            }

            for (int k = 0; k < m; k++)
            {
                _perm[k] = k;
            }

            int steps = Math.Min(m, nz);
            for (int k = 0; k < steps; k++)
            {
                // the remaining column of largest norm first
                int best = k;
                double bestNorm = -1;
                for (int col = k; col < m; col++)
                {
                    double sq = 0;
                    for (int i = k; i < nz; i++)
                    {
                        sq += _qr[i * m + col] * _qr[i * m + col];
                    }

                    if (sq > bestNorm)
                    {
                        bestNorm = sq;
                        best = col;
                    }
                }

                double norm = Math.Sqrt(bestNorm);
                if (!(norm > 1e-12 * scale))
                {
                    break;
                }

                if (best != k)
                {
                    for (int i = 0; i < nz; i++)
                    {
                        (_qr[i * m + k], _qr[i * m + best]) = (_qr[i * m + best], _qr[i * m + k]);
                    }

                    (_perm[k], _perm[best]) = (_perm[best], _perm[k]);
                }

                double alpha = _qr[k * m + k] > 0 ? -norm : norm;
                double v0 = _qr[k * m + k] - alpha;
                _qr[k * m + k] = v0;
                _beta[k] = -1.0 / (alpha * v0);
                for (int col = k + 1; col < m; col++)
                {
                    double s = 0;
                    for (int i = k; i < nz; i++)
                    {
                        s += _qr[i * m + k] * _qr[i * m + col];
                    }

                    s *= _beta[k];
                    for (int i = k; i < nz; i++)
                    {
                        _qr[i * m + col] -= s * _qr[i * m + k];
                    }
                }

                _r[k * m + k] = alpha;
                _rank = k + 1;
            }

            // R's rows above the diagonal, read after the last column swap
            for (int k = 0; k < _rank; k++)
            {
                for (int col = k + 1; col < m; col++)
                {
                    _r[k * m + col] = _qr[k * m + col];
                }
            }

            // thin Q (nz × rank): the reflectors applied to the first rank columns of I
            int r = _rank;
            Array.Clear(_q);
            for (int k = 0; k < r; k++)
            {
                _q[k * m + k] = 1;
            }

            for (int k = r - 1; k >= 0; k--)
            {
                for (int col = 0; col < r; col++)
                {
                    double s = 0;
                    for (int i = k; i < nz; i++)
                    {
                        s += _qr[i * m + k] * _q[i * m + col];
                    }

                    s *= _beta[k];
                    for (int i = k; i < nz; i++)
                    {
                        _q[i * m + col] -= s * _qr[i * m + k];
                    }
                }
            }
        }

        public void Null(ReadOnlySpan<double> x, Span<double> result)
        {
            int nz = _nz;
            int m = _m;
            int r = _rank;
            for (int k = 0; k < r; k++)
            {
                double s = 0;
                for (int i = 0; i < nz; i++)
                {
                    s += _q[i * m + k] * x[i];
                }

                _t[k] = s;
            }

            for (int i = 0; i < nz; i++)
            {
                double s = x[i];
                for (int k = 0; k < r; k++)
                {
                    s -= _q[i * m + k] * _t[k];
                }

                result[i] = s;
            }
        }

        public void LeastSquares(ReadOnlySpan<double> x, Span<double> result)
        {
            int nz = _nz;
            int m = _m;
            int r = _rank;
            for (int k = 0; k < r; k++)
            {
                double s = 0;
                for (int i = 0; i < nz; i++)
                {
                    s += _q[i * m + k] * x[i];
                }

                _t[k] = s;
            }

            // R z = Qᵀx, back substitution in place in _t, then z scattered through the permutation
            for (int k = r - 1; k >= 0; k--)
            {
                double s = _t[k];
                for (int j = k + 1; j < r; j++)
                {
                    s -= _r[k * m + j] * _t[j];
                }

                _t[k] = s / _r[k * m + k];
            }

            for (int k = 0; k < m; k++)
            {
                result[_perm[k]] = k < r ? _t[k] : 0;
            }
        }

        public void RowSpace(ReadOnlySpan<double> b, Span<double> result)
        {
            int nz = _nz;
            int m = _m;
            int r = _rank;
            // Rᵀ t = Pᵀb (forward), then result = Q t
            for (int k = 0; k < r; k++)
            {
                double s = b[_perm[k]];
                for (int j = 0; j < k; j++)
                {
                    s -= _r[j * m + k] * _t[j];
                }

                _t[k] = s / _r[k * m + k];
            }

            for (int i = 0; i < nz; i++)
            {
                double s = 0;
                for (int k = 0; k < r; k++)
                {
                    s += _q[i * m + k] * _t[k];
                }

                result[i] = s;
            }
        }
    }
}
