using System.Globalization;
using VisualAgent.Geometry;
using VisualAgent.Models.Dialects;

namespace VisualAgent.Models.Serving;

/// <summary>
/// Looks for systematic error in a model's answers on golden targets, not for accuracy: for each known serving
/// mistake it computes where the answers would land if that mistake were made (the model writing numbers in one space,
/// the profile reading them in its own, through the same <see cref="ModelSpace"/> mapping the client uses), and keeps
/// the mistake that explains the answers significantly better than "no mistake". A scale and offset per axis are
/// fitted and reported alongside.
/// </summary>
public static class ServingFit
{
    /// <summary>Fewest answered targets to judge anything.</summary>
    public const int MinAnswers = 6;

    /// <summary>How much better (in units of the noise variance, summed over coordinates) a mistake must explain the answers.</summary>
    private const double Significance = 30;

    public static ServingDiagnosis Diagnose(ServingSpace space, IReadOnlyList<GoldenObservation> observations, string profile = "PROFILE", string dialect = "")
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(observations);
        var answered = observations.Where(o => o.Predicted is not null).ToList();
        var missed = observations.Count - answered.Count;
        if (space.Kind == ServingSpaceKind.None)
        {
            return new ServingDiagnosis { Verdict = ServingVerdict.Inconclusive, Message = $"the dialect '{dialect}' writes no coordinates: there is nothing to check", Missed = missed };
        }

        if (answered.Count < MinAnswers)
        {
            return new ServingDiagnosis
            {
                Verdict = ServingVerdict.Inconclusive,
                Message = $"only {answered.Count} of {observations.Count} golden targets got a point back (at least {MinAnswers} are needed): the model does not ground these targets, or its replies do not parse with the dialect '{dialect}'",
                Fix = $"check that the server serves the model the profile '{profile}' names and that its Dialect matches the family (see `visual-agent ground --model {profile}` on a screenshot)",
                Answered = answered.Count,
                Missed = missed,
            };
        }

        var x = FitAxis(answered.Select(o => (o.Truth.X, o.Predicted!.Value.X)));
        var y = FitAxis(answered.Select(o => (o.Truth.Y, o.Predicted!.Value.Y)));
        var rms = Rms(answered, o => o.Truth);
        var hypotheses = Hypotheses(space, answered).ToList();
        var scores = hypotheses.ToDictionary(h => Name(h.Problem), h => Rms(answered, h.Expected), StringComparer.Ordinal);
        var identity = scores[Name(ServingProblem.None)];
        var best = hypotheses.MinBy(h => scores[Name(h.Problem)])!;
        var bestRms = scores[Name(best.Problem)];
        var n = answered.Count;
        var noise = Math.Max(bestRms * bestRms, 0.25);
        var limit = Math.Max(4, 0.03 * answered.Average(o => Math.Sqrt(((double)o.Original.Width * o.Original.Width) + ((double)o.Original.Height * o.Original.Height))));
        var fitted = $"answers vs targets: x' = {F(x.Scale, 4)}·x {Signed(x.Offset)}, y' = {F(y.Scale, 4)}·y {Signed(y.Offset)}; RMS {F(rms, 1)} px over {n} targets";
        var common = new ServingDiagnosis { Verdict = ServingVerdict.Pass, Message = "", Answered = n, Missed = missed, X = x, Y = y, RmsPx = rms, Hypotheses = scores };
        if (best.Problem != ServingProblem.None && n * ((identity * identity) - (bestRms * bestRms)) / noise > Significance && bestRms <= limit)
        {
            var (what, fix) = Explain(best, space, answered, profile, dialect);
            return common with
            {
                Verdict = ServingVerdict.Misconfigured,
                Problem = best.Problem,
                Message = $"{what} ({fitted}; this mistake leaves {F(bestRms, 1)} px)",
                Fix = fix,
            };
        }

        if (identity <= limit)
        {
            return common with { Message = $"no systematic error: {fitted}" };
        }

        return common with
        {
            Verdict = ServingVerdict.Inconclusive,
            Message = $"the answers are far from the targets but match no known serving mistake ({fitted}; the closest, {Name(best.Problem)}, leaves {F(bestRms, 1)} px)",
            Fix = $"ground a screenshot by hand (`visual-agent ground --model {profile} --image shot.png \"...\"`) and compare with the dialect's notes; a weak model or a wrong chat template also gives this",
        };
    }

    private sealed record Hypothesis(ServingProblem Problem, Func<GoldenObservation, ScreenPoint> Expected, double Factor = 1);

    /// <summary>Each mistake as "the model writes numbers in space M, the profile reads them in its own space C".</summary>
    private static IEnumerable<Hypothesis> Hypotheses(ServingSpace space, IReadOnlyList<GoldenObservation> answered)
    {
        ModelSpace Client(GoldenObservation o) => space.Kind switch
        {
            ServingSpaceKind.Grid => ModelSpace.Grid(Context(o), space.Divisor),
            ServingSpaceKind.Pixels => ModelSpace.SentPixels(Context(o)),
            _ => ModelSpace.Normalized(Context(o), space.PadToSquare),
        };

        Func<GoldenObservation, ScreenPoint> Writes(Func<GoldenObservation, (double X, double Y)> numbers) =>
            o =>
            {
                var (mx, my) = numbers(o);
                return Client(o).ToScreen(mx, my, out _);
            };

        yield return new(ServingProblem.None, Writes(o => Client(o).FromScreen(o.Truth)));
        yield return new(ServingProblem.SwappedAxes, Writes(o =>
        {
            var (mx, my) = Client(o).FromScreen(o.Truth);
            return (my, mx);
        }));
        switch (space.Kind)
        {
            case ServingSpaceKind.Pixels:
                // Pixels of an image the server resized: the factor fitted through the origin, both axes together.
                var factor = answered.Sum(o => (o.Truth.X * o.Predicted!.Value.X) + (o.Truth.Y * o.Predicted.Value.Y))
                    / Math.Max(1e-9, answered.Sum(o => (o.Truth.X * o.Truth.X) + (o.Truth.Y * o.Truth.Y)));
                if (Math.Abs(factor - 1) > 0.02)
                {
                    yield return new(ServingProblem.ServerResize, o => new ScreenPoint(o.Truth.X * factor, o.Truth.Y * factor), factor);
                }

                yield return new(ServingProblem.GridReadAsPixels, Writes(o => ModelSpace.Grid(Context(o), 1000).FromScreen(o.Truth)));
                break;
            case ServingSpaceKind.Grid:
                if (space.Divisor is 999 or 1000)
                {
                    yield return new(ServingProblem.Divisor, Writes(o => ModelSpace.Grid(Context(o), space.Divisor == 1000 ? 999 : 1000).FromScreen(o.Truth)));
                }

                yield return new(ServingProblem.PixelsReadAsGrid, Writes(o => ModelSpace.SentPixels(Context(o)).FromScreen(o.Truth)));
                yield return new(ServingProblem.PaddedSquare, Writes(o =>
                {
                    var (mx, my) = ModelSpace.Normalized(Context(o), padToSquare: true).FromScreen(o.Truth);
                    return (mx * space.Divisor, my * space.Divisor);
                }));
                break;
            case ServingSpaceKind.Normalized:
                yield return new(space.PadToSquare ? ServingProblem.NotPaddedSquare : ServingProblem.PaddedSquare,
                    Writes(o => ModelSpace.Normalized(Context(o), !space.PadToSquare).FromScreen(o.Truth)));
                break;
        }
    }

    private static (string What, string Fix) Explain(Hypothesis best, ServingSpace space, IReadOnlyList<GoldenObservation> answered, string profile, string dialect)
    {
        var sent = answered[0].Sent;
        var setting = $"Models:{profile}";
        return best.Problem switch
        {
            ServingProblem.ServerResize => (
                $"the server resizes images before the model sees them: the answers are in pixels of an image about {F(best.Factor, 3)}x the size sent ({sent.Width}x{sent.Height} sent, about {Math.Round(sent.Width * best.Factor)}x{Math.Round(sent.Height * best.Factor)} seen)",
                $"make the client send what the model sees: set {setting}:MaxPixels to about {Math.Round(sent.Width * best.Factor * sent.Height * best.Factor):0} (the server's max_pixels), or raise the server's limit to the profile's (vLLM: --mm-processor-kwargs '{{\"max_pixels\": N}}')"),
            ServingProblem.Divisor => (
                $"the model writes on a 0..{(space.Divisor == 1000 ? 999 : 1000)} grid while the profile divides by {F(space.Divisor, 0)}",
                $"set {setting}:Divisor to {(space.Divisor == 1000 ? 999 : 1000)}"),
            ServingProblem.GridReadAsPixels => (
                $"the model answers on a 0..1000 grid but the profile's dialect '{dialect}' reads pixels of the image sent",
                $"set {setting}:Dialect to the grid dialect of the served family (qwen3-vl for Qwen3-VL, qwen2-vl for Qwen2-VL and UI-TARS v1), or serve the model the profile names"),
            ServingProblem.PixelsReadAsGrid => (
                $"the model answers in pixels of the image it saw but the profile's dialect '{dialect}' reads a 0..{F(space.Divisor, 0)} grid",
                $"set {setting}:Dialect to the pixel dialect of the served family (qwen2.5-vl for Qwen2.5-VL, ui-tars for UI-TARS-1.5), or serve the model the profile names"),
            ServingProblem.PaddedSquare => (
                "the model's numbers are relative to the image padded to a square, but the profile reads them relative to the image",
                space.Kind == ServingSpaceKind.Normalized ? $"set {setting}:PadToSquare to true" : $"the server pads images to a square before the model sees them: turn that padding off on the server ({setting} has no setting that undoes it)"),
            ServingProblem.NotPaddedSquare => (
                "the model's numbers are relative to the image, but the profile reads them relative to the image padded to a square",
                $"set {setting}:PadToSquare to false"),
            ServingProblem.SwappedAxes => (
                "the model writes y before x",
                $"the served model is not of the family the dialect '{dialect}' expects (Gemini-style models write [y, x]): serve the model the profile names, or set {setting}:Dialect to the dialect of the model served"),
            _ => ("no systematic error", ""),
        };
    }

    private static ReplyContext Context(GoldenObservation o) => new(o.Original, o.Sent.IsEmpty ? o.Original : o.Sent);

    private static double Rms(IReadOnlyList<GoldenObservation> answered, Func<GoldenObservation, ScreenPoint> expected) =>
        Math.Sqrt(answered.Average(o =>
        {
            var e = expected(o);
            var p = o.Predicted!.Value;
            return ((p.X - e.X) * (p.X - e.X)) + ((p.Y - e.Y) * (p.Y - e.Y));
        }));

    /// <summary>Least squares predicted = a * truth + b (a = 1, b = mean difference when the truths do not vary).</summary>
    private static AxisFit FitAxis(IEnumerable<(double Truth, double Predicted)> pairs)
    {
        var list = pairs.ToList();
        var mt = list.Average(p => p.Truth);
        var mp = list.Average(p => p.Predicted);
        var stt = list.Sum(p => (p.Truth - mt) * (p.Truth - mt));
        if (stt < 1e-9)
        {
            return new AxisFit(1, mp - mt);
        }

        var a = list.Sum(p => (p.Truth - mt) * (p.Predicted - mp)) / stt;
        return new AxisFit(a, mp - (a * mt));
    }

    private static string Name(ServingProblem problem) => problem switch
    {
        ServingProblem.None => "none",
        ServingProblem.ServerResize => "server_resize",
        ServingProblem.Divisor => "divisor",
        ServingProblem.GridReadAsPixels => "grid_read_as_pixels",
        ServingProblem.PixelsReadAsGrid => "pixels_read_as_grid",
        ServingProblem.PaddedSquare => "padded_square",
        ServingProblem.NotPaddedSquare => "not_padded_square",
        ServingProblem.SwappedAxes => "swapped_axes",
        _ => problem.ToString(),
    };

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Signed(double value) => (value < 0 ? "- " : "+ ") + F(Math.Abs(value), 1);
}
