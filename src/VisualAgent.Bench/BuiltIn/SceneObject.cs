namespace VisualAgent.Bench.BuiltIn;

/// <summary>One drawn object of a scene, laid out in a box of CSS pixels; its annotated box is read back from the DOM.</summary>
internal sealed record SceneObject(string Id, string Kind, string Color, double X, double Y, double W, double H);
