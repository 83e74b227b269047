using VisualAgent.Geometry;

namespace VisualAgent.Vision.Grounding;

/// <summary>
/// Tells an input-like control (a text field, text area, select, combo box: a light inside, empty or with its text
/// starting at the left) from a button or a boxed heading (a filled inside, or its text centred). Only input-like
/// controls can be the field a label names.
/// </summary>
internal static class InputShape
{
    private const int LightInside = 215;
    private const int MinGap = 6;

    public static bool IsInputLike(ScreenPixels pixels, ScreenBox box)
    {
        if (box.Width < 1.5 * box.Height && box.Height <= 60)
        {
            return false; // too narrow for a one-line field
        }

        var inset = Math.Min(4, box.Height / 6);
        var inside = box.Inflate(-inset);
        var background = pixels.Background(inside);
        if (background < LightInside)
        {
            return false; // filled: a button, a badge, a highlighted heading
        }

        var columns = pixels.InkColumns(inside, background);
        var runs = Runs(columns);

        // A narrow last run at the right edge is an arrow, an icon or a resize grip (select, combo box, spin button,
        // text area): leave it out.
        var width = columns.Length;
        var glyph = Math.Max(18, 0.6 * box.Height);
        if (runs.Count > 0 && runs[^1].To - runs[^1].From <= glyph && width - runs[^1].To <= glyph && runs[^1].From > 0.5 * width)
        {
            runs.RemoveAt(runs.Count - 1);
        }

        if (runs.Count == 0)
        {
            return true; // empty field
        }

        // Text starting at the left with room after it (a value, a placeholder), not centred like a button's label.
        var left = runs[0].From;
        var right = width - runs[^1].To;
        return left <= 0.35 * width && right - left > Math.Max(8, 0.15 * width);
    }

    // Runs of ink columns, joined across gaps narrower than MinGap (letters of a word, words of a value).
    private static List<(int From, int To)> Runs(bool[] columns)
    {
        var runs = new List<(int From, int To)>();
        var start = -1;
        var lastInk = -1;
        for (var i = 0; i <= columns.Length; i++)
        {
            var ink = i < columns.Length && columns[i];
            if (ink)
            {
                if (start < 0)
                {
                    start = i;
                }
                else if (i - lastInk > MinGap)
                {
                    runs.Add((start, lastInk + 1));
                    start = i;
                }

                lastInk = i;
            }
        }

        if (start >= 0)
        {
            runs.Add((start, lastInk + 1));
        }

        return runs;
    }
}
