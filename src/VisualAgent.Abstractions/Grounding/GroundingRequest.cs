using VisualAgent.Drivers;

namespace VisualAgent.Grounding;

/// <summary>Find one target on a screenshot from a description ("the Export CSV button").</summary>
public sealed record GroundingRequest(Screenshot Image, string Instruction);
