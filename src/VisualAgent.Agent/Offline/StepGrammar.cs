namespace VisualAgent.Agent.Offline;

/// <summary>The accepted forms of the offline step grammar, as shown in error messages and help.</summary>
public static class StepGrammar
{
    public const string AcceptedForms =
        """
        open|go to URL
        click|double-click|right-click TARGET
        type|enter TEXT into|in TARGET   (or: type TEXT, into the focused element)
        select OPTION in|from TARGET     (or: select OPTION, the select that has it)
        check|uncheck TARGET
        press KEY[+KEY]                  (e.g. press Enter, press Ctrl+A; press Submit clicks Submit)
        scroll up|down [in TARGET]
        hover TARGET
        upload FILE to TARGET
        wait for TEXT | wait for the download | wait N seconds
        verify TEXT [is visible]
        go back
        log in with username U and password P
        enter|choose TEXT as the FIELD   (type into / select in the FIELD field; several joined by "and")
        pick|choose the X KIND           (e.g. pick the Large size: click Large)
        click TARGET twice|N times
        click OK|Cancel in the dialog | accept|dismiss the dialog | type TEXT into the dialog
          | answer the prompt with TEXT  (answers the open native dialog, or the next one to open)
        Steps are separated by ';', new lines, ', then', ' and then' or ' and VERB'. TARGET is quoted text or a
        described element ("the Username field", "the second Edit button").
        """;
}
