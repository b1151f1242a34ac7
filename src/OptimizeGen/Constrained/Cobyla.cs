// COBYLA: constrained optimization by linear approximations, M. J. D. Powell (1994) "A direct search optimization
// method that models the objective and constraint functions by linear interpolation", in Advances in Optimization and
// Numerical Analysis (eds. Gomez, Hennart), Kluwer, 51–67; the algorithm of Powell's Fortran COBYLA2 (cobylb, trstlp)
// that scipy 1.10 wraps. A simplex of n + 1 points interpolates f and every constraint cᵢ(x) ≥ 0 by linear functions;
// each iteration takes the step of length ≤ ρ that minimizes the greatest linearized violation and then the linearized
// f (trstlp: an active-set method on Givens-rotated constraint gradients), judges it by the merit f + μ·max violation,
// replaces a vertex, keeps the simplex well shaped (σ ≥ ρ/4, η ≤ 2.1ρ), and halves ρ down to ρ_end.
// Defaults as scipy: rhobeg = 1, tol = ρ_end = 1e-4, maxiter (= maxfun) = 1000, catol = 2e-4.
// Departures: equalities cᵢ(x) = 0 enter as the two inequalities cᵢ ≥ 0 and −cᵢ ≥ 0 and bounds as inequalities (scipy
// 1.10 accepts neither); when a new active constraint forces a deletion, the constraint chosen for deletion (IOUT) is
// the one rotated to the end of the active set (Powell's code reorders at ICON, a branch that cannot be reached, and so
// may delete another constraint; noted by Zhang's PRIMA); at the end the better of the best vertex and the last trial
// point is returned (Powell returns the last trial point after a full step); an inactive constraint's residual within
// 1e-14·(|b| + ‖a‖‖dx‖) of zero counts as zero, besides Powell's own rounding test (which misses a residual made of one
// rounding-size term, and then a dependent constraint stops the step at length 0); there are no multipliers.

namespace OptimizeGen;

internal sealed class Cobyla
{
    private const double Alpha = 0.25;
    private const double Beta = 2.1;
    private const double Gamma = 0.5;
    private const double Delta = 1.1;

    private readonly MinimizeContext _context;
    private readonly ConstraintSet _cs;
    private readonly int _n;
    private readonly int _mc; // inequality rows cᵢ(x) ≥ 0 seen by the method (equalities twice)
    private readonly int _np; // the pole's column
    private readonly double[] _sim; // n × (n+1): vertex displacements, the pole in column n
    private readonly double[] _simi; // n × n: the inverse of the displacements
    private readonly double[] _dat; // (mc+2) × (n+1): constraints, f, max violation at each vertex
    private readonly double[] _a; // (mc+1) × n: the linear models' gradients, −∇f last
    private readonly double[] _con; // mc + 2
    private readonly double[] _x;
    private readonly double[] _dx;
    private readonly double[] _w;
    private readonly double[] _vsig;
    private readonly double[] _veta;
    private readonly double[] _sigbar;
    private readonly double[] _ce;
    private readonly double[] _ci;
    private readonly double[] _pole;
    private readonly double[] _xv; // (n+1) × n: the point evaluated for each column of datmat, exactly as evaluated

    // trstlp workspaces
    private readonly double[] _zm; // n × n, column k at [k*n, (k+1)*n)
    private readonly double[] _zdota;
    private readonly double[] _vmultc;
    private readonly double[] _vmultd;
    private readonly int[] _iact;
    private readonly double[] _sdirn;
    private readonly double[] _dxnew;

    private Cobyla(MinimizeContext context, int n, IReadOnlyList<ConstraintBase> constraints)
    {
        _context = context;
        _n = n;
        double[]? lower = null;
        double[]? upper = null;
        if (context.Bounds is { } bounds)
        {
            (lower, upper) = bounds.Resolve(n);
        }

        _cs = new ConstraintSet(constraints, n, lower, upper, context.Options);
        _mc = 2 * _cs.Equalities + _cs.Inequalities;
        _np = n;
        int mc = _mc;
        _sim = new double[n * (n + 1)];
        _simi = new double[n * n];
        _dat = new double[(mc + 2) * (n + 1)];
        _a = new double[(mc + 1) * n];
        _con = new double[mc + 2];
        _x = new double[n];
        _dx = new double[n];
        _w = new double[n];
        _vsig = new double[n];
        _veta = new double[n];
        _sigbar = new double[n];
        _ce = new double[_cs.Equalities];
        _ci = new double[_cs.Inequalities];
        _pole = new double[n];
        _xv = new double[(n + 1) * n];
        _zm = new double[n * n];
        _zdota = new double[n];
        _vmultc = new double[mc + 1];
        _vmultd = new double[mc + 1];
        _iact = new int[mc + 1];
        _sdirn = new double[n];
        _dxnew = new double[n];
    }

    public static OptimizeResult Minimize(MinimizeContext context, double[] x0, IReadOnlyList<ConstraintBase> constraints) =>
        new Cobyla(context, x0.Length, constraints).Run(x0);

    private ref double Sim(int i, int j) => ref _sim[i * (_n + 1) + j];

    private ref double Simi(int j, int i) => ref _simi[j * _n + i];

    private ref double Dat(int k, int j) => ref _dat[k * (_n + 1) + j];

    private ref double A(int k, int i) => ref _a[k * _n + i];

    private ref double Z(int i, int k) => ref _zm[k * _n + i];

    private OptimizeResult Run(double[] x0)
    {
        int n = _n;
        int mc = _mc;
        int np = _np;
        int mObj = mc; // the row of f in datmat and con
        int mRes = mc + 1; // the row of the max violation
        var options = _context.Options as CobylaOptions ?? new CobylaOptions();
        double rho = options.Rhobeg;
        double rhoEnd = _context.Options.Tol ?? 1e-4;
        int maxFun = _context.Options.MaxIter ?? 1000;
        double catol = options.Catol;

        Array.Copy(x0, _x, n);
        for (int i = 0; i < n; i++)
        {
            Sim(i, i) = rho;
            Sim(i, np) = x0[i];
            Simi(i, i) = 1 / rho;
        }

        int nfvals = 0;
        int nit = 0;
        double parmu = 0;
        bool iflag = false;
        bool ibrnch = false;
        bool ifull = false;
        int jdrop = np;
        double f = 0;
        double resmax = 0;
        double parsig = 0;
        double prerec = 0;
        double prerem = 0;
        OptimizeStatus status = OptimizeStatus.Converged;
        string message = "";

    Evaluate:
        if (nfvals >= maxFun)
        {
            status = OptimizeStatus.MaxFunctionEvaluationsReached;
            message = $"Maximum number of function evaluations has been exceeded (maxiter = {maxFun}).";
            goto Final;
        }

        nfvals++;
        f = _context.Value(_x);
        resmax = Constraints(_x, _con);
        _con[mObj] = f;
        _con[mRes] = resmax;
        if (!double.IsFinite(f) || !double.IsFinite(resmax))
        {
            status = OptimizeStatus.NotFinite;
            message = $"The objective or a constraint is not finite (f = {f}, violation = {resmax}).";
            goto Final;
        }

        if (ibrnch)
        {
            goto TrustStepJudged;
        }

        for (int k = 0; k <= mRes; k++)
        {
            Dat(k, jdrop) = _con[k];
        }

        Array.Copy(_x, 0, _xv, jdrop * n, n);
        if (nfvals > n + 1)
        {
            goto SimplexComplete;
        }

        // The initial simplex: keep the better of the new vertex and the pole in the pole's place.
        if (jdrop < n)
        {
            if (Dat(mObj, np) <= f)
            {
                _x[jdrop] = Sim(jdrop, np);
            }
            else
            {
                Sim(jdrop, np) = _x[jdrop];
                for (int k = 0; k <= mRes; k++)
                {
                    Dat(k, jdrop) = Dat(k, np);
                    Dat(k, np) = _con[k];
                }

                Array.Copy(_xv, np * n, _xv, jdrop * n, n);
                Array.Copy(_x, 0, _xv, np * n, n);

                for (int k = 0; k <= jdrop; k++)
                {
                    Sim(jdrop, k) = -rho;
                    double temp = 0;
                    for (int i = k; i <= jdrop; i++)
                    {
                        temp -= Simi(i, k);
                    }

                    Simi(jdrop, k) = temp;
                }
            }
        }

        if (nfvals <= n)
        {
            jdrop = nfvals - 1;
            _x[jdrop] += rho;
            goto Evaluate;
        }

    SimplexComplete:
        ibrnch = true;

    Iteration:
        {
            Array.Copy(_xv, np * n, _pole, 0, n);

            if (_context.AfterIteration(++nit, _pole, Dat(mObj, np)) is OptimizeStatus stop)
            {
                status = stop;
                message = _context.InterruptMessage(stop, nit);
                goto Final;
            }

            // The best vertex (least merit) into the pole's place.
            double phimin = Dat(mObj, np) + parmu * Dat(mRes, np);
            int nbest = np;
            for (int j = 0; j < n; j++)
            {
                double temp = Dat(mObj, j) + parmu * Dat(mRes, j);
                if (temp < phimin)
                {
                    nbest = j;
                    phimin = temp;
                }
                else if (temp == phimin && parmu == 0 && Dat(mRes, j) < Dat(mRes, nbest))
                {
                    nbest = j;
                }
            }

            if (nbest < n)
            {
                for (int k = 0; k <= mRes; k++)
                {
                    (Dat(k, np), Dat(k, nbest)) = (Dat(k, nbest), Dat(k, np));
                }

                for (int i = 0; i < n; i++)
                {
                    (_xv[np * n + i], _xv[nbest * n + i]) = (_xv[nbest * n + i], _xv[np * n + i]);
                }

                for (int i = 0; i < n; i++)
                {
                    double temp = Sim(i, nbest);
                    Sim(i, nbest) = 0;
                    Sim(i, np) += temp;
                    double tempa = 0;
                    for (int k = 0; k < n; k++)
                    {
                        Sim(i, k) -= temp;
                        tempa -= Simi(k, i);
                    }

                    Simi(nbest, i) = tempa;
                }
            }

            // SIMI must stay the inverse of the displacements.
            double error = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double temp = i == j ? -1 : 0;
                    for (int k = 0; k < n; k++)
                    {
                        temp += Simi(i, k) * Sim(k, j);
                    }

                    error = Math.Max(error, Math.Abs(temp));
                }
            }

            if (error > 0.1)
            {
                status = OptimizeStatus.NumericalTrouble;
                message = "Rounding errors are becoming damaging (the simplex's inverse is inaccurate).";
                goto Final;
            }

            // The linear models: constraint gradients, then −∇f.
            for (int k = 0; k <= mObj; k++)
            {
                _con[k] = -Dat(k, np);
                for (int j = 0; j < n; j++)
                {
                    _w[j] = Dat(k, j) + _con[k];
                }

                for (int i = 0; i < n; i++)
                {
                    double temp = 0;
                    for (int j = 0; j < n; j++)
                    {
                        temp += _w[j] * Simi(j, i);
                    }

                    A(k, i) = k == mObj ? -temp : temp;
                }
            }

            // The simplex's shape: σⱼ (distance of vertex j from the opposite face) and ηⱼ (edge length).
            iflag = true;
            parsig = Alpha * rho;
            double pareta = Beta * rho;
            for (int j = 0; j < n; j++)
            {
                double wsig = 0;
                double weta = 0;
                for (int i = 0; i < n; i++)
                {
                    wsig += Simi(j, i) * Simi(j, i);
                    weta += Sim(i, j) * Sim(i, j);
                }

                _vsig[j] = 1 / Math.Sqrt(wsig);
                _veta[j] = Math.Sqrt(weta);
                if (_vsig[j] < parsig || _veta[j] > pareta)
                {
                    iflag = false;
                }
            }

            if (!ibrnch && !iflag)
            {
                // A geometry step: replace the vertex that spoils the shape most.
                jdrop = -1;
                double limit = pareta;
                for (int j = 0; j < n; j++)
                {
                    if (_veta[j] > limit)
                    {
                        jdrop = j;
                        limit = _veta[j];
                    }
                }

                if (jdrop < 0)
                {
                    for (int j = 0; j < n; j++)
                    {
                        if (_vsig[j] < limit)
                        {
                            jdrop = j;
                            limit = _vsig[j];
                        }
                    }
                }

                double len = Gamma * rho * _vsig[jdrop];
                for (int i = 0; i < n; i++)
                {
                    _dx[i] = len * Simi(jdrop, i);
                }

                double cvmaxp = 0;
                double cvmaxm = 0;
                double sum = 0;
                for (int k = 0; k <= mObj; k++)
                {
                    sum = 0;
                    for (int i = 0; i < n; i++)
                    {
                        sum += A(k, i) * _dx[i];
                    }

                    if (k < mObj)
                    {
                        double temp = Dat(k, np);
                        cvmaxp = Math.Max(cvmaxp, -sum - temp);
                        cvmaxm = Math.Max(cvmaxm, sum - temp);
                    }
                }

                double dxsign = parmu * (cvmaxp - cvmaxm) > sum + sum ? -1 : 1;
                for (int i = 0; i < n; i++)
                {
                    _dx[i] *= dxsign;
                }

                ReplaceVertex(jdrop);
                for (int i = 0; i < n; i++)
                {
                    _x[i] = Sim(i, np) + _dx[i];
                }

                goto Evaluate;
            }

            // The trust-region step from the linear models.
            if (!Trstlp(rho, out ifull))
            {
                status = OptimizeStatus.NumericalTrouble;
                message = "The trust-region subproblem met a non-finite step (rounding errors).";
                goto Final;
            }


            if (!ifull)
            {
                double dd = 0;
                for (int i = 0; i < n; i++)
                {
                    dd += _dx[i] * _dx[i];
                }

                if (dd < 0.25 * rho * rho)
                {
                    ibrnch = true;
                    goto ReduceRho;
                }
            }

            // Predicted changes of f and of the greatest violation.
            double resnew = 0;
            _con[mObj] = 0;
            double predictedF = 0;
            for (int k = 0; k <= mObj; k++)
            {
                double s = _con[k];
                for (int i = 0; i < n; i++)
                {
                    s -= A(k, i) * _dx[i];
                }

                if (k < mObj)
                {
                    resnew = Math.Max(resnew, s);
                }
                else
                {
                    predictedF = s;
                }
            }

            double barmu = 0;
            prerec = Dat(mRes, np) - resnew;
            if (prerec > 0)
            {
                barmu = predictedF / prerec;
            }

            if (parmu < 1.5 * barmu)
            {
                parmu = 2 * barmu;
                double phi = Dat(mObj, np) + parmu * Dat(mRes, np);
                for (int j = 0; j < n; j++)
                {
                    double temp = Dat(mObj, j) + parmu * Dat(mRes, j);
                    if (temp < phi || (temp == phi && parmu == 0 && Dat(mRes, j) < Dat(mRes, np)))
                    {
                        goto Iteration;
                    }
                }
            }

            prerem = parmu * prerec - predictedF;
            for (int i = 0; i < n; i++)
            {
                _x[i] = Sim(i, np) + _dx[i];
            }

            ibrnch = true;
            goto Evaluate;
        }

    TrustStepJudged:
        {
            double vmold = Dat(mObj, np) + parmu * Dat(mRes, np);
            double vmnew = f + parmu * resmax;
            double trured = vmold - vmnew;
            if (parmu == 0 && f == Dat(mObj, np))
            {
                prerem = prerec;
                trured = Dat(mRes, np) - resmax;
            }

            // Which vertex x* replaces (mandatory when the merit fell).
            double ratio = trured <= 0 ? 1 : 0;
            jdrop = -1;
            for (int j = 0; j < n; j++)
            {
                double temp = 0;
                for (int i = 0; i < n; i++)
                {
                    temp += Simi(j, i) * _dx[i];
                }

                temp = Math.Abs(temp);
                if (temp > ratio)
                {
                    jdrop = j;
                    ratio = temp;
                }

                _sigbar[j] = temp * _vsig[j];
            }

            double edgmax = Delta * rho;
            int l = -1;
            for (int j = 0; j < n; j++)
            {
                if (_sigbar[j] >= parsig || _sigbar[j] >= _vsig[j])
                {
                    double temp = _veta[j];
                    if (trured > 0)
                    {
                        temp = 0;
                        for (int i = 0; i < n; i++)
                        {
                            double d = _dx[i] - Sim(i, j);
                            temp += d * d;
                        }

                        temp = Math.Sqrt(temp);
                    }

                    if (temp > edgmax)
                    {
                        l = j;
                        edgmax = temp;
                    }
                }
            }

            if (l >= 0)
            {
                jdrop = l;
            }

            if (jdrop >= 0)
            {
                ReplaceVertex(jdrop);
                for (int k = 0; k <= mRes; k++)
                {
                    Dat(k, jdrop) = _con[k];
                }

                Array.Copy(_x, 0, _xv, jdrop * n, n);

                if (trured > 0 && trured >= 0.1 * prerem)
                {
                    goto Iteration;
                }
            }
        }

    ReduceRho:
        if (!iflag)
        {
            ibrnch = false;
            goto Iteration;
        }

        if (rho > rhoEnd)
        {
            rho *= 0.5;
            if (rho <= 1.5 * rhoEnd)
            {
                rho = rhoEnd;
            }

            if (parmu > 0)
            {
                double denom = 0;
                double cmin = 0;
                double cmax = 0;
                for (int k = 0; k <= mObj; k++)
                {
                    cmin = Dat(k, np);
                    cmax = cmin;
                    for (int i = 0; i < n; i++)
                    {
                        cmin = Math.Min(cmin, Dat(k, i));
                        cmax = Math.Max(cmax, Dat(k, i));
                    }

                    if (k < mObj && cmin < 0.5 * cmax)
                    {
                        double temp = Math.Max(cmax, 0) - cmin;
                        denom = denom <= 0 ? temp : Math.Min(denom, temp);
                    }
                }

                if (denom == 0)
                {
                    parmu = 0;
                }
                else if (cmax - cmin < parmu * denom)
                {
                    parmu = (cmax - cmin) / denom;
                }
            }

            goto Iteration;
        }

        status = OptimizeStatus.Converged;
        message = $"Optimization terminated successfully: the trust radius reached rho_end = {rhoEnd:G3}.";

    Final:
        {
            // The best vertex, or the last evaluated point when its merit is lower.
            // The pole as evaluated (SIM's column is the same point up to the rounding of its updates).
            double[] xBest = _xv.AsSpan(np * n, n).ToArray();
            double fBest = Dat(mObj, np);
            double resBest = Dat(mRes, np);
            if (nfvals == 1)
            {
                fBest = f;
                resBest = resmax;
            }
            if (double.IsFinite(f) && double.IsFinite(resmax)
                && (f + parmu * resmax < fBest + parmu * resBest || (resmax < resBest && f <= fBest)))
            {
                xBest = (double[])_x.Clone();
                fBest = f;
            }

            // The violation of the constraints as given (equalities once), at the point returned.
            _cs.Evaluate(xBest, _ce, _ci);
            double violation = ConstraintSet.Violation(_ce, _ci);
            if (status == OptimizeStatus.Converged && violation > catol)
            {
                status = OptimizeStatus.Infeasible;
                message = $"Did not converge to a solution satisfying the constraints: the violation {violation:G3} exceeds catol = {catol:G3}.";
            }

            return ConstrainedResult.Create(_context, xBest, fBest, status, message, nit, null, violation, null);
        }
    }

    /// <summary>Evaluates the constraints into con[0..mc) (cᵢ ≥ 0 form) and returns the greatest violation.</summary>
    private double Constraints(ReadOnlySpan<double> x, double[] con)
    {
        _cs.Evaluate(x, _ce, _ci);
        int k = 0;
        double resmax = 0;
        foreach (double c in _ce)
        {
            con[k++] = c;
            con[k++] = -c;
            resmax = Math.Max(resmax, Math.Abs(c));
        }

        foreach (double c in _ci)
        {
            con[k++] = c;
            resmax = Math.Max(resmax, -c);
        }

        return resmax;
    }

    /// <summary>Vertex <paramref name="jdrop"/> becomes pole + dx; SIMI is updated by the rank-one inverse formula.</summary>
    private void ReplaceVertex(int jdrop)
    {
        int n = _n;
        double temp = 0;
        for (int i = 0; i < n; i++)
        {
            Sim(i, jdrop) = _dx[i];
            temp += Simi(jdrop, i) * _dx[i];
        }

        for (int i = 0; i < n; i++)
        {
            Simi(jdrop, i) /= temp;
        }

        for (int j = 0; j < n; j++)
        {
            if (j == jdrop)
            {
                continue;
            }

            double t = 0;
            for (int i = 0; i < n; i++)
            {
                t += Simi(j, i) * _dx[i];
            }

            for (int i = 0; i < n; i++)
            {
                Simi(j, i) -= t * Simi(jdrop, i);
            }
        }
    }

    /// <summary>True when <paramref name="value"/> could be rounding error in a sum whose terms' magnitudes add to <paramref name="absSum"/>.</summary>
    private static bool Negligible(double value, double absSum)
    {
        double acca = absSum + 0.1 * Math.Abs(value);
        double accb = absSum + 0.2 * Math.Abs(value);
        return absSum >= acca || acca >= accb;
    }

    /// <summary>
    /// Powell's TRSTLP: the step dx (‖dx‖ ≤ ρ) that first minimizes the greatest violation of the linearized
    /// constraints A_k·dx ≥ b_k (b = −c at the pole), then, with that violation kept, minimizes the linearized f.
    /// <paramref name="full"/> is false when the step stopped short of the radius. Returns false on a non-finite step.
    /// </summary>
    private bool Trstlp(double rho, out bool full)
    {
        int n = _n;
        int m = _mc;
        double[] b = _con;
        full = true;
        int mcon = m;
        int nact = 0;
        double resmax = 0;
        double resold = 0;
        int icon = -1;
        double optold = 0;
        int icount = 0;
        int nactx = 0;
        Array.Clear(_zm);
        for (int i = 0; i < n; i++)
        {
            Z(i, i) = 1;
            _dx[i] = 0;
        }

        for (int k = 0; k < m; k++)
        {
            if (b[k] > resmax)
            {
                resmax = b[k];
                icon = k;
            }
        }

        for (int k = 0; k < m; k++)
        {
            _iact[k] = k;
            _vmultc[k] = resmax - b[k];
        }

        if (resmax == 0)
        {
            goto SwitchStage;
        }

        Array.Clear(_sdirn);

    StageStart:
        optold = 0;
        icount = 0;

    Iterate:
        {
            double optnew;
            if (mcon == m)
            {
                optnew = resmax;
            }
            else
            {
                optnew = 0;
                for (int i = 0; i < n; i++)
                {
                    optnew -= _dx[i] * A(m, i);
                }
            }

            // Stop a stage after three iterations that neither lower the best value nor add active constraints.
            if (icount == 0 || optnew < optold)
            {
                optold = optnew;
                nactx = nact;
                icount = 3;
            }
            else if (nact > nactx)
            {
                nactx = nact;
                icount = 3;
            }
            else
            {
                icount--;
                if (icount == 0)
                {
                    goto Finish;
                }
            }


            if (icon < nact)
            {
                goto Delete;
            }

            // Add the constraint at position icon: rotate the last columns of Z orthogonal to its gradient.
            int kk = _iact[icon];
            for (int i = 0; i < n; i++)
            {
                _dxnew[i] = A(kk, i);
            }

            double tot = 0;
            for (int k = n - 1; k >= nact; k--)
            {
                double sp = 0;
                double spabs = 0;
                for (int i = 0; i < n; i++)
                {
                    double t = Z(i, k) * _dxnew[i];
                    sp += t;
                    spabs += Math.Abs(t);
                }

                if (Negligible(sp, spabs))
                {
                    sp = 0;
                }

                if (tot == 0)
                {
                    tot = sp;
                }
                else
                {
                    int kp = k + 1;
                    double t = Math.Sqrt(sp * sp + tot * tot);
                    double alpha = sp / t;
                    double beta = tot / t;
                    tot = t;
                    Rotate(k, kp, alpha, beta);
                }
            }

            if (tot != 0)
            {
                nact++;
                _zdota[nact - 1] = tot;
                _vmultc[icon] = _vmultc[nact - 1];
                _vmultc[nact - 1] = 0;
                goto UpdateActive;
            }

            // The new gradient depends on the active ones: delete the active constraint whose multiplier reaches zero first.
            double ratio = -1;
            int iout = -1;
            for (int k = nact - 1; k >= 0; k--)
            {
                double zdotv = 0;
                double zdvabs = 0;
                for (int i = 0; i < n; i++)
                {
                    double t = Z(i, k) * _dxnew[i];
                    zdotv += t;
                    zdvabs += Math.Abs(t);
                }

                if (!Negligible(zdotv, zdvabs))
                {
                    double t = zdotv / _zdota[k];
                    if (t > 0 && _iact[k] < m)
                    {
                        double tempa = _vmultc[k] / t;
                        if (ratio < 0 || tempa < ratio)
                        {
                            ratio = tempa;
                            iout = k;
                        }
                    }

                    if (k >= 1)
                    {
                        int kw = _iact[k];
                        for (int i = 0; i < n; i++)
                        {
                            _dxnew[i] -= t * A(kw, i);
                        }
                    }

                    _vmultd[k] = t;
                }
                else
                {
                    _vmultd[k] = 0;
                }
            }

            if (ratio < 0)
            {
                goto Finish;
            }

            for (int k = 0; k < nact; k++)
            {
                _vmultc[k] = Math.Max(0, _vmultc[k] - ratio * _vmultd[k]);
            }

            if (iout < nact - 1)
            {
                MoveToEnd(iout, nact);
            }

            double zk = 0;
            for (int i = 0; i < n; i++)
            {
                zk += Z(i, nact - 1) * A(kk, i);
            }

            if (zk == 0)
            {
                goto Finish;
            }

            _zdota[nact - 1] = zk;
            _vmultc[icon] = 0;
            _vmultc[nact - 1] = ratio;

        UpdateActive:
            _iact[icon] = _iact[nact - 1];
            _iact[nact - 1] = kk;
            if (mcon > m && kk != m)
            {
                // Keep the objective's gradient last among the active ones.
                int k = nact - 2;
                double sp = 0;
                for (int i = 0; i < n; i++)
                {
                    sp += Z(i, k) * A(kk, i);
                }

                double t = Math.Sqrt(sp * sp + _zdota[nact - 1] * _zdota[nact - 1]);
                double alpha = _zdota[nact - 1] / t;
                double beta = sp / t;
                _zdota[nact - 1] = alpha * _zdota[k];
                _zdota[k] = t;
                for (int i = 0; i < n; i++)
                {
                    double zi = alpha * Z(i, nact - 1) + beta * Z(i, k);
                    Z(i, nact - 1) = alpha * Z(i, k) - beta * Z(i, nact - 1);
                    Z(i, k) = zi;
                }

                _iact[nact - 1] = _iact[k];
                _iact[k] = kk;
                (_vmultc[k], _vmultc[nact - 1]) = (_vmultc[nact - 1], _vmultc[k]);
            }

            if (mcon > m)
            {
                goto StageTwoDirection;
            }

            // Stage one: the direction that lowers every active violation at the same rate.
            int last = _iact[nact - 1];
            double sa = 0;
            for (int i = 0; i < n; i++)
            {
                sa += _sdirn[i] * A(last, i);
            }

            double scale = (sa - 1) / _zdota[nact - 1];
            for (int i = 0; i < n; i++)
            {
                _sdirn[i] -= scale * Z(i, nact - 1);
            }

            goto Step;
        }

    Delete:
        {
            if (icon < nact - 1)
            {
                MoveToEnd(icon, nact);
            }

            nact--;
            if (mcon > m)
            {
                goto StageTwoDirection;
            }

            double t = 0;
            for (int i = 0; i < n; i++)
            {
                t += _sdirn[i] * Z(i, nact);
            }

            for (int i = 0; i < n; i++)
            {
                _sdirn[i] -= t * Z(i, nact);
            }

            goto Step;
        }

    StageTwoDirection:
        {
            double t = 1 / _zdota[nact - 1];
            for (int i = 0; i < n; i++)
            {
                _sdirn[i] = t * Z(i, nact - 1);
            }
        }

    Step:
        {
            // The step to the trust region's boundary, or the step that brings the violation to zero.
            double dd = rho * rho;
            double sd = 0;
            double ss = 0;
            for (int i = 0; i < n; i++)
            {
                if (Math.Abs(_dx[i]) >= rho * 1e-6)
                {
                    dd -= _dx[i] * _dx[i];
                }

                sd += _dx[i] * _sdirn[i];
                ss += _sdirn[i] * _sdirn[i];
            }

            if (dd <= 0)
            {
                goto Finish;
            }

            double t = Math.Sqrt(ss * dd);
            if (Math.Abs(sd) >= t * 1e-6)
            {
                t = Math.Sqrt(ss * dd + sd * sd);
            }

            double stpful = dd / (t + sd);
            double step = stpful;
            if (mcon == m)
            {
                if (Negligible(resmax, step))
                {
                    goto SwitchStage;
                }

                step = Math.Min(step, resmax);
            }

            if (!double.IsFinite(step))
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                _dxnew[i] = _dx[i] + step * _sdirn[i];
            }

            if (mcon == m)
            {
                resold = resmax;
                resmax = 0;
                for (int k = 0; k < nact; k++)
                {
                    int kk = _iact[k];
                    double r = b[kk];
                    for (int i = 0; i < n; i++)
                    {
                        r -= A(kk, i) * _dxnew[i];
                    }

                    resmax = Math.Max(resmax, r);
                }
            }

            // The multipliers the active set would have at dxnew.
            for (int k = nact - 1; k >= 0; k--)
            {
                double zdotw = 0;
                double zdwabs = 0;
                for (int i = 0; i < n; i++)
                {
                    double zt = Z(i, k) * _dxnew[i];
                    zdotw += zt;
                    zdwabs += Math.Abs(zt);
                }

                if (Negligible(zdotw, zdwabs))
                {
                    zdotw = 0;
                }

                _vmultd[k] = zdotw / _zdota[k];
                if (k >= 1)
                {
                    int kk = _iact[k];
                    for (int i = 0; i < n; i++)
                    {
                        _dxnew[i] -= _vmultd[k] * A(kk, i);
                    }
                }
            }

            if (mcon > m)
            {
                _vmultd[nact - 1] = Math.Max(0, _vmultd[nact - 1]);
            }

            // ... and the residuals of the inactive constraints there.
            for (int i = 0; i < n; i++)
            {
                _dxnew[i] = _dx[i] + step * _sdirn[i];
            }

            double dxx = 0;
            for (int i = 0; i < n; i++)
            {
                dxx += _dxnew[i] * _dxnew[i];
            }

            for (int k = nact; k < mcon; k++)
            {
                int kk = _iact[k];
                double sum = resmax - b[kk];
                double sumabs = resmax + Math.Abs(b[kk]);
                double aa = 0;
                for (int i = 0; i < n; i++)
                {
                    double at = A(kk, i) * _dxnew[i];
                    sum += at;
                    sumabs += Math.Abs(at);
                    aa += A(kk, i) * A(kk, i);
                }

                if (Negligible(sum, sumabs) || Math.Abs(sum) <= 1e-14 * (resmax + Math.Abs(b[kk]) + Math.Sqrt(aa * dxx)))
                {
                    sum = 0;
                }

                _vmultd[k] = sum;
            }


            // Take the fraction of the step that keeps every multiplier and residual nonnegative.
            double fraction = 1;
            icon = -1;
            for (int k = 0; k < mcon; k++)
            {
                if (_vmultd[k] < 0)
                {
                    double r = _vmultc[k] / (_vmultc[k] - _vmultd[k]);
                    if (r < fraction)
                    {
                        fraction = r;
                        icon = k;
                    }
                }
            }

            double keep = 1 - fraction;
            for (int i = 0; i < n; i++)
            {
                _dx[i] = keep * _dx[i] + fraction * _dxnew[i];
            }

            for (int k = 0; k < mcon; k++)
            {
                _vmultc[k] = Math.Max(0, keep * _vmultc[k] + fraction * _vmultd[k]);
            }

            if (mcon == m)
            {
                resmax = resold + fraction * (resmax - resold);
            }

            if (icon >= 0)
            {
                goto Iterate;
            }

            if (step == stpful)
            {
                return true;
            }
        }

    SwitchStage:
        mcon = m + 1;
        icon = m;
        _iact[m] = m;
        _vmultc[m] = 0;
        goto StageStart;

    Finish:
        if (mcon == m)
        {
            goto SwitchStage;
        }

        full = false;
        return true;
    }

    /// <summary>Columns k and k+1 of Z become α zₖ + β zₖ₊₁ and α zₖ₊₁ − β zₖ.</summary>
    private void Rotate(int k, int kp, double alpha, double beta)
    {
        for (int i = 0; i < _n; i++)
        {
            double t = alpha * Z(i, k) + beta * Z(i, kp);
            Z(i, kp) = alpha * Z(i, kp) - beta * Z(i, k);
            Z(i, k) = t;
        }
    }

    /// <summary>Moves the active constraint at position <paramref name="position"/> to the end of the active set, keeping Z's
    /// first columns the Gram–Schmidt vectors of the active gradients in their new order.</summary>
    private void MoveToEnd(int position, int nact)
    {
        int isave = _iact[position];
        double vsave = _vmultc[position];
        int k = position;
        while (k < nact - 1)
        {
            int kp = k + 1;
            int kw = _iact[kp];
            double sp = 0;
            for (int i = 0; i < _n; i++)
            {
                sp += Z(i, k) * A(kw, i);
            }

            double t = Math.Sqrt(sp * sp + _zdota[kp] * _zdota[kp]);
            double alpha = _zdota[kp] / t;
            double beta = sp / t;
            _zdota[kp] = alpha * _zdota[k];
            _zdota[k] = t;
            for (int i = 0; i < _n; i++)
            {
                double zi = alpha * Z(i, kp) + beta * Z(i, k);
                Z(i, kp) = alpha * Z(i, k) - beta * Z(i, kp);
                Z(i, k) = zi;
            }

            _iact[k] = kw;
            _vmultc[k] = _vmultc[kp];
            k = kp;
        }

        _iact[k] = isave;
        _vmultc[k] = vsave;
    }
}
