using System.Text.RegularExpressions;

namespace VisualAgent.Agent.Offline;

/// <summary>The regular expressions of the offline grammar, one per verb family.</summary>
internal static partial class ClauseReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^(?:open|go\s+to|navigate\s+to|visit|browse\s+to|load)\s+(?:the\s+(?:page|url|site)\s+)?(?<url>\S+)$", Options)]
    private static partial Regex Open();

    [GeneratedRegex(@"^(?:go|navigate)\s+back(?:\s+to\s+the\s+previous\s+page)?$|^back$", Options)]
    private static partial Regex Back();

    [GeneratedRegex(@"^(?<verb>double[- ]?click|right[- ]?click|click|tap|press|push|hit|hover(?:\s+over)?|mouse\s+over|move\s+(?:the\s+mouse\s+)?(?:over|to))\s+(?<target>.+)$", Options)]
    private static partial Regex Pointer();

    [GeneratedRegex(@"^fill(?:\s+in|\s+out)?\s+(?<target>.+?)\s+with\s+(?<text>.+)$", Options)]
    private static partial Regex Fill();

    [GeneratedRegex(@"^(?:type|enter|input|write)\s+(?<rest>.+)$", Options)]
    private static partial Regex TypeVerb();

    [GeneratedRegex(@"^\s*(?:into|in|to)\s+(?<target>.+)$", Options)]
    private static partial Regex IntoTail();

    [GeneratedRegex(@"^(?:select|choose|pick)\s+(?:the\s+option\s+)?(?<rest>.+)$", Options)]
    private static partial Regex SelectVerb();

    [GeneratedRegex(@"^\s*(?:from|in)\s+(?<target>.+)$", Options)]
    private static partial Regex FromTail();

    /// <summary>"verify X", "check that X" and "make sure X is visible" verify; "check X" (a checkbox) does not; "make sure"
    /// and "ensure" name a state to reach unless the text is quoted or said to be shown, so only those forms verify.</summary>
    [GeneratedRegex(@"^(?:(?:verify|assert|expect|ensure|make\s+sure|see)(?:\s+that)?|(?:check|confirm)\s+that)(?:\s+the\s+(?:page|screen)\s+(?:shows|contains|displays))?\s+(?<text>.+?)(?:\s+(?:is|are)\s+(?:visible|shown|displayed|present|on\s+(?:the\s+)?(?:screen|page)))?$", Options)]
    private static partial Regex Verify();

    [GeneratedRegex(@"^(?<verb>check|tick|uncheck|untick)\s+(?<target>.+)$", Options)]
    private static partial Regex CheckVerb();

    [GeneratedRegex(@"^scroll\s+(?<dir>up|down|to\s+the\s+(?:top|bottom))(?:\s+by\s+(?<n>\d+(?:\.\d+)?)(?:\s*(?:px|pixels))?)?(?:\s+(?:in|inside|within|on)\s+(?<target>.+))?$", Options)]
    private static partial Regex Scroll();

    [GeneratedRegex(@"^(?:upload|attach)\s+(?:the\s+file\s+)?(?<file>""[^""]+""|\S+)\s+(?:to|into|in|using|with|via)\s+(?<target>.+)$", Options)]
    private static partial Regex Upload();

    [GeneratedRegex(@"^wait\s+(?:for\s+|until\s+)?(?:the\s+|a\s+)?(?:file\s+)?download(?:\s+(?:to\s+)?(?:finish|complete)(?:s|es)?)?$", Options)]
    private static partial Regex WaitDownload();

    [GeneratedRegex(@"^wait(?:\s+(?:for\s+)?(?<n>\d+(?:\.\d+)?)\s*(?<unit>s|sec|secs|seconds?|ms|milliseconds?))?$", Options)]
    private static partial Regex WaitSeconds();

    [GeneratedRegex(@"^wait\s+(?:for|until)\s+(?<text>.+?)(?:\s+(?:to\s+)?(?:appears?|is\s+(?:visible|shown|displayed)|shows?\s+up))?$", Options)]
    private static partial Regex WaitText();

    [GeneratedRegex(@"^submit(?:\s+the\s+form)?$", Options)]
    private static partial Regex Submit();
}
