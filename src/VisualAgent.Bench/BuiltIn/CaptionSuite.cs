namespace VisualAgent.Bench.BuiltIn;

/// <summary>caption-samples: the six drawn scenes, the receipt, the settings dialog, the paragraph and the sign (10 images), five reference captions each.</summary>
internal static class CaptionSuite
{
    private static readonly (SceneImage Image, string Kind, string[] References)[] _items =
    [
        (DrawnScenes.Street1, "scene", [
            "a red car and a blue car on a road with a tree between them",
            "two cars parked on a street on either side of a tree",
            "a red car on the left and a blue car on the right of a green tree",
            "a simple drawing of two cars and a tree under a blue sky",
            "a tree stands between a red car and a blue car on the road"]),
        (DrawnScenes.Street2, "scene", [
            "three cars in a row on a road",
            "a yellow car between two green cars",
            "two green cars and a yellow car driving on a street",
            "a row of three cars with the yellow one in the middle",
            "a simple drawing of three cars on a gray road"]),
        (DrawnScenes.Shapes1, "scene", [
            "a blue circle a red square and a green triangle",
            "three colored shapes on a white background",
            "a circle a square and a triangle in a row",
            "a blue circle next to a red square and a green triangle",
            "three simple shapes in blue red and green"]),
        (DrawnScenes.Shapes2, "scene", [
            "two orange circles of different sizes and a purple square",
            "a large orange circle a small orange circle and a purple square",
            "a big orange circle with a small one and a purple square in the corner",
            "orange circles and a purple square on a white background",
            "a purple square above two orange circles"]),
        (DrawnScenes.Town, "scene", [
            "a house a person and a black car on the grass under the sun",
            "a person standing between a house and a black car",
            "a small house with a red roof next to a person and a car",
            "a sunny day with a house a person and a black car",
            "a drawing of a house a person and a car with the sun in the sky"]),
        (DrawnScenes.Parking, "scene", [
            "four cars in a parking lot",
            "two red cars a white car and a blue car parked in a lot",
            "four parked cars seen from the side in a parking lot",
            "a parking lot with four cars in two rows",
            "red white and blue cars parked in marked spaces"]),
        (OcrDocuments.Receipt.Render("clean", ""), "document", [
            "a receipt from corner market with four items and a total",
            "a shop receipt listing milk bread apples and coffee beans",
            "a printed receipt with prices and a total of 14.75",
            "a grocery receipt on a beige background",
            "a store receipt with a date a list of items and the total"]),
        (OcrDocuments.Settings.Render("clean", ""), "ui", [
            "a notification settings dialog with two toggles and two buttons",
            "a settings window with email and push notification switches",
            "a dialog to change notification settings with cancel and save buttons",
            "notification settings with quiet hours from 22:00 to 07:00",
            "a settings panel with toggles and a save changes button"]),
        (OcrDocuments.Paragraph.Render("clean", ""), "document", [
            "five lines of black text on a white page",
            "a short paragraph of printed text in a serif font",
            "a text document mentioning a fox an invoice and a phone number",
            "several sentences of text on a white background",
            "a page with a few lines of typed text"]),
        (OcrDocuments.Sign.Render("clean", ""), "document", [
            "a red and white no parking sign",
            "a no parking sign for 7 am to 6 pm monday to friday",
            "a street sign saying no parking with a tow away warning",
            "a white sign with a red border and red and black text",
            "a parking restriction sign against a blue sky"]),
    ];

    public static async Task WriteAsync(SceneRenderer renderer, string suitePath, CancellationToken ct)
    {
        var lines = new List<IReadOnlyDictionary<string, object?>>();
        var i = 0;
        foreach (var (scene, kind, references) in _items)
        {
            var image = await renderer.RenderAsync(scene, ct).ConfigureAwait(false);
            lines.Add(new Dictionary<string, object?>
            {
                ["id"] = $"caption-{++i:D3}",
                ["image"] = image.RelativePath,
                ["references"] = references,
                ["kind"] = kind,
            });
        }

        await SuiteWriter.WriteAsync(suitePath, lines, ct).ConfigureAwait(false);
    }
}
