namespace VisualAgent.Bench.BuiltIn;

/// <summary>The drawn scenes the refexp, VQA, caption and multi-image sets share (coordinates in CSS pixels of 640x480).</summary>
internal static class DrawnScenes
{
    public static readonly SceneImage Street1 = Scene("street-1", "street",
        new("red-car", "car", "red", 50, 300, 190, 95),
        new("tree", "tree", "green", 280, 150, 80, 240),
        new("blue-car", "car", "blue", 400, 300, 190, 95));

    public static readonly SceneImage Street2 = Scene("street-2", "street",
        new("green-car-left", "car", "green", 20, 310, 170, 85),
        new("yellow-car", "car", "yellow", 235, 310, 170, 85),
        new("green-car-right", "car", "green", 450, 310, 170, 85));

    public static readonly SceneImage Shapes1 = Scene("shapes-1", "plain",
        new("blue-circle", "circle", "blue", 60, 140, 150, 150),
        new("red-square", "square", "red", 260, 150, 130, 130),
        new("green-triangle", "triangle", "green", 440, 140, 150, 140));

    public static readonly SceneImage Shapes2 = Scene("shapes-2", "plain",
        new("large-orange-circle", "circle", "orange", 40, 200, 220, 220),
        new("small-orange-circle", "circle", "orange", 320, 320, 70, 70),
        new("purple-square", "square", "purple", 450, 40, 140, 140));

    public static readonly SceneImage Town = Scene("town", "town",
        new("sun", "circle", "yellow", 520, 30, 80, 80),
        new("house", "house", "#e8c39e", 40, 150, 200, 200),
        new("person", "person", "blue", 300, 250, 50, 130),
        new("black-car", "car", "black", 420, 330, 180, 90));

    public static readonly SceneImage Parking = Scene("parking", "parking",
        new("red-car-top", "car", "red", 60, 80, 200, 100),
        new("white-car", "car", "white", 380, 80, 200, 100),
        new("blue-car", "car", "blue", 60, 300, 200, 100),
        new("red-car-bottom", "car", "red", 380, 300, 200, 100));

    private static SceneImage Scene(string name, string background, params SceneObject[] objects) =>
        new(name, SceneSvg.Draw(background, objects));
}
