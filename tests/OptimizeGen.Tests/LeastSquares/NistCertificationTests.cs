using System.Globalization;
using System.Text;
using OptimizeGen.TestProblems;
using OptimizeGen.TestProblems.Nist;

namespace OptimizeGen.Tests.LeastSquares;

/// <summary>
/// All 27 NIST StRD nonlinear regression sets from both NIST starting points, checked against the certified values
/// (log relative error, LRE = −log₁₀ |q − c|/|c|, capped at 11). The models are the plain methods of NistModels with
/// the exact hand-written gradients of NistModelGradients (the generator's [Model] Jacobians will replace them), fitted
/// by Trf with x_scale='jac' and tight tolerances (ftol = xtol = 1e-15, gtol = 0).
/// </summary>
public class NistCertificationTests(ITestOutputHelper output)
{
    internal static CurveFitOptions TightOptions { get; } = new()
    {
        Method = LeastSquaresMethod.Trf,
        XScale = XScale.Jac,
        Ftol = 1e-15,
        Xtol = 1e-15,
        Gtol = 0,
        MaxNfev = 20000,
    };

    internal sealed record Row(string Name, int Start, double[] ParameterLre, double RssLre, double[] SeLre, CurveFitResult Fit, bool PrecisionLimited);

    internal static Row Fit(string name, int start, CurveFitOptions? options = null)
    {
        var ds = NistDataSet.Load(name);
        var model = NistModel.For(name);
        CurveFitResult fit = Optimize.CurveFit(model, ds.X, ds.Response, ds.Starts[start], options ?? TightOptions);
        var p = new double[ds.ParameterCount];
        var se = new double[ds.ParameterCount];
        for (int j = 0; j < p.Length; j++)
        {
            p[j] = NistDataSet.Lre(fit.Parameters[j], ds.Certified[j]);
            se[j] = NistDataSet.Lre(fit.StandardErrors[j], ds.CertifiedStandardDeviations[j]);
        }

        // Where the certified residuals are below what double arithmetic can resolve in y − f (Lanczos1: residuals of
        // 1e-13 against values of order 1), the RSS and the standard errors (∝ √RSS) cannot have 6 and 4 digits.
        double yMax = ds.Response.Max(Math.Abs);
        double rms = Math.Sqrt(ds.CertifiedRss / ds.Count);
        bool limited = rms < 1e-11 * yMax;
        return new Row(name, start, p, NistDataSet.Lre(fit.Rss, ds.CertifiedRss), se, fit, limited);
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in NistDataSet.Names)
        {
            data.Add(name, 0);
            data.Add(name, 1);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_parameter_the_rss_and_the_standard_errors_agree_with_the_certified_values(string name, int start)
    {
        if (ReferenceData.Nist is null)
        {
            Assert.Skip(ReferenceData.MissingMessage("nist"));
        }

        Row row = Fit(name, start);
        var ds = NistDataSet.Load(name);
        Assert.True(row.Fit.Success, $"{name} start {start + 1}: {row.Fit.Message}");
        for (int j = 0; j < row.ParameterLre.Length; j++)
        {
            Assert.True(row.ParameterLre[j] >= 6, $"{name} start {start + 1}: b{j + 1} = {row.Fit.Parameters[j]:R} vs certified {ds.Certified[j]:R}, LRE {row.ParameterLre[j]:F2} < 6");
        }

        if (!row.PrecisionLimited)
        {
            Assert.True(row.RssLre >= 6, $"{name} start {start + 1}: RSS {row.Fit.Rss:R} vs {ds.CertifiedRss:R}, LRE {row.RssLre:F2} < 6");
            for (int j = 0; j < row.SeLre.Length; j++)
            {
                Assert.True(row.SeLre[j] >= 4, $"{name} start {start + 1}: se(b{j + 1}) = {row.Fit.StandardErrors[j]:R} vs {ds.CertifiedStandardDeviations[j]:R}, LRE {row.SeLre[j]:F2} < 4");
            }
        }
        else
        {
            // The floor of double arithmetic: each residual yᵢ − f(xᵢ) carries a rounding error up to δ = 4ε·max|y|, so
            // |RSS − RSS*| ≤ 2√(N·RSS*)·δ + N·δ², and se ∝ √RSS inherits half that relative error.
            double delta = 4 * NumericalDifferentiation.MachineEpsilon * ds.Response.Max(Math.Abs);
            double bound = 2 * Math.Sqrt(ds.Count * ds.CertifiedRss) * delta + ds.Count * delta * delta;
            Assert.True(Math.Abs(row.Fit.Rss - ds.CertifiedRss) <= bound, $"{name}: RSS {row.Fit.Rss:R} vs {ds.CertifiedRss:R} exceeds the rounding floor {bound:G3}");
            double relative = 0.5 * bound / ds.CertifiedRss + 1e-4;
            for (int j = 0; j < row.SeLre.Length; j++)
            {
                double err = Math.Abs(row.Fit.StandardErrors[j] - ds.CertifiedStandardDeviations[j]) / ds.CertifiedStandardDeviations[j];
                Assert.True(err <= relative, $"{name}: se(b{j + 1}) relative error {err:G3} exceeds {relative:G3}");
            }
        }
    }

    [Fact]
    public void The_lre_table_over_all_54_cases()
    {
        if (ReferenceData.Nist is null)
        {
            Assert.Skip(ReferenceData.MissingMessage("nist"));
        }

        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| Data set | Start | min LRE b | RSS LRE | min LRE se | status | nfev |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        var mins = new List<double>();
        foreach (string name in NistDataSet.Names)
        {
            for (int s = 0; s < 2; s++)
            {
                Row row = Fit(name, s);
                double minP = row.ParameterLre.Min();
                mins.Add(minP);
                sb.AppendLine(inv, $"| {name} | {s + 1} | {minP:F1} | {row.RssLre:F1}{(row.PrecisionLimited ? "*" : "")} | {row.SeLre.Min():F1}{(row.PrecisionLimited ? "*" : "")} | {row.Fit.Status} | {row.Fit.Nfev} |");
                Assert.True(minP >= 6, $"{name} start {s + 1}: min LRE {minP:F2}");
            }
        }

        double mean = mins.Average();
        sb.AppendLine(inv, $"\nMean of the per-case minimum parameter LRE over {mins.Count} cases: {mean:F2}; worst {mins.Min():F2}.");
        sb.AppendLine("* limited by double precision: the certified residuals are below the rounding of y − f.");
        output.WriteLine(sb.ToString());
        Assert.Equal(54, mins.Count);
        Assert.True(mean >= 8.5, $"mean LRE {mean:F2}");
    }
}
