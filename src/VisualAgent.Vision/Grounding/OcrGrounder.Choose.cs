using System.Globalization;
using VisualAgent.Geometry;
using VisualAgent.Grounding;

namespace VisualAgent.Vision.Grounding;

public sealed partial class OcrGrounder
{
    private GroundingResult Choose(Screen screen, TargetQuery query, List<TextMatch> all)
    {
        var good = all.Where(m => m.Score >= _options.MinConfidence).ToList();
        if (good.Count == 0)
        {
            var best = all.MaxBy(m => m.Score);
            var why = best is null
                ? $"No text matching \"{query.Text}\" was read on the screenshot."
                : string.Create(CultureInfo.InvariantCulture, $"No text matching \"{query.Text}\": the closest, \"{best.Text}\", scored {best.Score:0.00} < {_options.MinConfidence:0.00}.");
            return GroundingResult.NotFound(why);
        }

        var doubts = new List<string>();
        good = Narrow(screen, query, good);

        // The label rule decides between equal texts: a field's label has an input next to it, a button's text does not.
        if (query.Kind is TargetKind.Field or TargetKind.Button && good.Count > 1 && query.Ordinal == 0)
        {
            var wantsInput = query.Kind == TargetKind.Field;
            var fitting = good.Where(m => (m.Control is null && FieldLocator.FindInput(m.TextBox, screen.Inputs, _options.FieldSearchDistance) is not null) == wantsInput).ToList();
            good = fitting.Count > 0 ? fitting : good;
        }

        var chosen = Select(good, query, out var selectError);
        if (chosen is null)
        {
            return GroundingResult.NotFound(selectError!);
        }

        var box = chosen.Box;
        var note = $"matched \"{chosen.Text}\" by {chosen.Source}" + (chosen.Control is null ? "" : " inside a control");
        var confidence = chosen.Score;
        if (query.Kind == TargetKind.Field)
        {
            if (chosen.Control is { } own && screen.Inputs.Contains(own))
            {
                note += "; the text is inside the field (a placeholder or value)";
            }
            else if (FieldLocator.FindInput(chosen.TextBox, screen.Inputs, _options.FieldSearchDistance) is { } input)
            {
                box = input;
                note += "; the input next to that label";
            }
            else
            {
                box = chosen.TextBox;
                confidence *= 0.8;
                doubts.Add("no input found next to the label, answering the label");
            }
        }

        // Candidates that lead to the same place (a heading and a label above the same field) are not a tie.
        var rivals = good.Where(m => !ReferenceEquals(m, chosen) && AnswerBox(screen, query, m).IntersectionOverUnion(box) < 0.5).ToList();
        confidence *= Doubt(screen, query, chosen, rivals, doubts);
        if (doubts.Count > 0)
        {
            note += "; " + string.Join("; ", doubts);
        }

        if (confidence < _options.MinConfidence)
        {
            return GroundingResult.NotFound(string.Create(CultureInfo.InvariantCulture,
                $"\"{query.Text}\" is too uncertain to act on: {note} (confidence {confidence:0.00} < {_options.MinConfidence:0.00})."));
        }

        return new GroundingResult
        {
            Found = true,
            Box = box,
            Point = box.Center,
            Confidence = Math.Round(confidence, 3),
            Raw = string.Create(CultureInfo.InvariantCulture, $"{note} (score {chosen.Score:0.00}, {good.Count} candidate(s)) at {box}"),
        };
    }

    // Keeps the candidates that fit the description best: link-styled text for a link (a link in a table row reads as
    // part of the row), a control or plain text for a button, a control for an unqualified target, and whole labels
    // over words inside a sentence.
    private static List<TextMatch> Narrow(Screen screen, TargetQuery query, List<TextMatch> good)
    {
        if (query.Kind is TargetKind.Link or TargetKind.Button && good.Count > 1)
        {
            var styled = good.Select(m => m with { LinkStyled = m.Control is null && screen.LooksLikeLink(m.TextBox) }).ToList();
            var wanted = styled.Where(m => m.LinkStyled == (query.Kind == TargetKind.Link)).ToList();
            good = wanted.Count > 0 ? wanted : styled;
        }

        var bestScore = good.Max(m => m.Score);
        var inControls = good.Count(m => m.Control is not null);
        if (query.Kind == TargetKind.Button && inControls > 0 && (query.Ordinal <= 0 || inControls >= query.Ordinal))
        {
            // A button is looked for inside detected controls, unless an ordinal asks for more instances than were
            // detected as controls (bordered buttons in table rows are often not detected one by one).
            good = good.Where(m => m.Control is not null).ToList();
        }
        else if (query.Kind == TargetKind.Any && query.Ordinal <= 0 && good.Any(m => m.Control is not null && m.Score >= bestScore - 0.05))
        {
            // An unqualified target ("Log in") that reads as well in a heading as on a button is the button: the
            // thing to act on. A weaker fuzzy match inside a control does not beat an exact one outside.
            good = good.Where(m => m.Control is not null && m.Score >= bestScore - 0.05).ToList();
        }
        else if (good.Any(Standalone))
        {
            // A target is a label standing alone or inside a control, not the same words inside a sentence.
            good = good.Where(Standalone).ToList();
        }

        // A quoted phrase is the whole label: "Open" is not "Open all", "Email" is not "Email notifications".
        if (query.Quoted && good.Any(m => m.EntireLine || m.Control is not null))
        {
            good = good.Where(m => m.EntireLine || m.Control is not null).ToList();
        }

        return good;
    }

    // How much the remaining doubts lower the confidence (1 = none): words inside a sentence, a quoted phrase read as
    // part of a longer text, a link that does not look like one, a tie the reading order broke.
    // Where a candidate would send the click: a field's input for a field label, else the control or the text.
    private ScreenBox AnswerBox(Screen screen, TargetQuery query, TextMatch m) =>
        query.Kind != TargetKind.Field ? m.Box
        : m.Control is { } own && screen.Inputs.Contains(own) ? own
        : FieldLocator.FindInput(m.TextBox, screen.Inputs, _options.FieldSearchDistance) ?? m.TextBox;

    private static double Doubt(Screen screen, TargetQuery query, TextMatch chosen, List<TextMatch> rivals, List<string> doubts)
    {
        var factor = 1.0;
        if (chosen.Similarity < 0.999)
        {
            // Part of the distance is OCR noise, part a different label ("Saved searches" for "Save searches").
            factor *= 0.92;
            doubts.Add("the text reads slightly differently");
        }

        if (chosen.InProse)
        {
            factor *= 0.85;
            doubts.Add("the words are inside a longer line of text");
        }
        else if (!chosen.Whole && chosen.Control is null)
        {
            factor *= 0.92;
            doubts.Add("the words are part of a longer label");
        }

        if (query.Quoted && !chosen.EntireLine && chosen.Control is null)
        {
            factor *= 0.9;
            doubts.Add("the quoted phrase is part of a longer text");
        }

        if (query.Kind == TargetKind.Link && chosen.Control is null && !(chosen.LinkStyled ?? screen.LooksLikeLink(chosen.TextBox)))
        {
            factor *= 0.92;
            doubts.Add("it does not look like a link");
        }

        if (query.Kind == TargetKind.Button && chosen.Control is null)
        {
            factor *= 0.9;
            doubts.Add("no button outline around it");
        }

        if (query.Ordinal == 0 && query.Position == TargetPosition.None && rivals.Any(m => m.Score >= chosen.Score - 0.03))
        {
            factor *= 0.8;
            doubts.Add("another place reads the same");
        }

        return factor;
    }

    private static TextMatch? Select(List<TextMatch> candidates, TargetQuery query, out string? error)
    {
        error = null;
        var ordered = candidates.OrderBy(m => Math.Round(m.Box.Y1 / 10)).ThenBy(m => m.Box.X1).ToList();
        if (query.Position != TargetPosition.None)
        {
            ordered = query.Position switch
            {
                TargetPosition.Top => ordered.OrderBy(m => m.Box.Center.Y).ToList(),
                TargetPosition.Bottom => ordered.OrderByDescending(m => m.Box.Center.Y).ToList(),
                TargetPosition.Left => ordered.OrderBy(m => m.Box.Center.X).ToList(),
                _ => ordered.OrderByDescending(m => m.Box.Center.X).ToList(),
            };
            return query.Ordinal > 1 && query.Ordinal <= ordered.Count ? ordered[query.Ordinal - 1] : ordered[0];
        }

        if (query.Ordinal == -1)
        {
            return ordered[^1];
        }

        if (query.Ordinal > 0)
        {
            if (query.Ordinal <= ordered.Count)
            {
                return ordered[query.Ordinal - 1];
            }

            error = $"Asked for match number {query.Ordinal} of \"{query.Text}\", but only {ordered.Count} were found.";
            return null;
        }

        var top = ordered.Max(m => m.Score);
        return ordered.First(m => m.Score >= top - 0.02);
    }
}
