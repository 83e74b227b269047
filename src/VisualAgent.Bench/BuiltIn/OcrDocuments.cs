using System.Net;

namespace VisualAgent.Bench.BuiltIn;

/// <summary>The four documents of the OCR set: a paragraph, a receipt, a settings dialog and a street sign.</summary>
internal static class OcrDocuments
{
    public static readonly OcrDocument Paragraph = Make("paragraph",
        [
            "The quick brown fox jumps over the lazy dog.",
            "Visual agents read screens the way people do:",
            "they look, decide what to do next, and act.",
            "Invoice 2048 is due on 14 March 2026.",
            "Call +1 (555) 013-2747 for help.",
        ],
        ".doc { position: absolute; left: 50px; top: 90px; width: 540px; font-family: \"DejaVu Serif\", \"Liberation Serif\", serif;"
            + " font-size: 21px; line-height: 1.7; color: #111; background: #fff; }",
        lines => $"<div class=\"doc\">{OcrDocument.LineRows(lines)}</div>",
        "rotate(3deg)");

    public static readonly OcrDocument Receipt = Make("receipt",
        [
            "CORNER MARKET",
            "12 Elm Street, Springfield",
            "2026-03-14 10:42",
            "Milk 1L 2.49",
            "Bread 3.10",
            "Apples 1kg 4.25",
            "Coffee beans 4.91",
            "TOTAL 14.75",
        ],
        "body { background: #e9e4da; } .doc { position: absolute; left: 160px; top: 40px; width: 320px; padding: 18px 20px; background: #fffdf7;"
            + " box-shadow: 0 2px 6px rgba(0,0,0,.25); font-family: \"DejaVu Sans Mono\", \"Liberation Mono\", monospace; font-size: 18px;"
            + " line-height: 1.75; color: #1a1a1a; } .row { white-space: pre; } .row:nth-child(-n+3) { text-align: center; }"
            + " .row:last-child { font-weight: bold; margin-top: 8px; }",
        lines => "<div class=\"doc\">" + OcrDocument.LineRows(lines.Take(3).ToList())
            + string.Concat(lines.Skip(3).Select((l, i) => ReceiptRow(l, i + 3))) + "</div>",
        "skewX(-8deg)");

    public static readonly OcrDocument Settings = Make("settings",
        ["Notification settings", "Email alerts", "Push notifications", "Quiet hours: 22:00 - 07:00", "Cancel", "Save changes"],
        "body { background: #eef1f5; } .doc { position: absolute; left: 110px; top: 80px; width: 380px; padding: 22px 26px; background: #fff;"
            + " border: 1px solid #ccd3dd; border-radius: 8px; color: #1d2733; font-size: 17px; }"
            + " h1 { font-size: 22px; margin: 0 0 18px; } .opt { display: flex; justify-content: space-between; margin: 14px 0; }"
            + " .toggle { width: 42px; height: 22px; border-radius: 11px; background: #3b82f6; } .off { background: #c5ccd6; }"
            + " .buttons { display: flex; justify-content: flex-end; gap: 12px; margin-top: 24px; }"
            + " .btn { padding: 8px 16px; border-radius: 6px; border: 1px solid #9aa6b5; } .primary { background: #1d4ed8; color: #fff; border-color: #1d4ed8; }",
        lines => "<div class=\"doc\">"
            + $"<h1><span data-box=\"line-0\">{lines[0]}</span></h1>"
            + $"<div class=\"opt\"><span data-box=\"line-1\">{lines[1]}</span><div class=\"toggle\"></div></div>"
            + $"<div class=\"opt\"><span data-box=\"line-2\">{lines[2]}</span><div class=\"toggle off\"></div></div>"
            + $"<div class=\"opt\"><span data-box=\"line-3\">{lines[3]}</span></div>"
            + $"<div class=\"buttons\"><span class=\"btn\"><span data-box=\"line-4\">{lines[4]}</span></span>"
            + $"<span class=\"btn primary\"><span data-box=\"line-5\">{lines[5]}</span></span></div></div>",
        "rotate(3deg)");

    public static readonly OcrDocument Sign = Make("sign",
        ["NO PARKING", "7 AM - 6 PM", "MON - FRI", "Tow-away zone"],
        "body { background: #b9d3e8; } .doc { position: absolute; left: 150px; top: 60px; width: 340px; padding: 24px 0; text-align: center;"
            + " background: #fff; border: 6px solid #c0262d; border-radius: 14px; color: #c0262d; font-weight: bold; font-size: 44px; line-height: 1.5; }"
            + " .row:nth-child(n+2) { font-size: 30px; color: #111; } .row:last-child { font-size: 22px; font-weight: normal; }",
        lines => $"<div class=\"doc\">{OcrDocument.LineRows(lines)}</div>",
        "skewX(-8deg)");

    public static IReadOnlyList<OcrDocument> All { get; } = [Paragraph, Receipt, Settings, Sign];

    private static string ReceiptRow(string line, int index)
    {
        // "Milk 1L 2.49": the price right-aligned in the 28-column receipt, as printed.
        var cut = line.LastIndexOf(' ');
        var (item, price) = (line[..cut], line[(cut + 1)..]);
        var padded = item + new string(' ', Math.Max(1, 28 - item.Length - price.Length)) + price;
        return $"<div class=\"row\"><span data-box=\"line-{index}\">{WebUtility.HtmlEncode(padded)}</span></div>";
    }

    private static OcrDocument Make(string name, IReadOnlyList<string> lines, string css, Func<IReadOnlyList<string>, string> body, string skew) =>
        new(name, lines, css, body(lines), skew);
}
