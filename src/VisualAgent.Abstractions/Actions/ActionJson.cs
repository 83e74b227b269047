using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VisualAgent.Actions;

/// <summary>The one JSON shape of actions (as `parse` prints them and steps.jsonl stores them).</summary>
public static class ActionJson
{
    /// <summary>snake_case names, nulls omitted, doubles always written with a decimal point (960.0).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);

    public static JsonSerializerOptions Indented { get; } = CreateOptions(indented: true);

    public static string Serialize(AgentAction action) => JsonSerializer.Serialize(action, Options);

    public static AgentAction? Deserialize(string json) => JsonSerializer.Deserialize<AgentAction>(json, Options);

    public static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new DecimalPointDoubleConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes 960 as 960.0 so coordinates read as floating point in every consumer; rejects NaN and infinities.</summary>
    private sealed class DecimalPointDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (!double.IsFinite(value))
            {
                throw new JsonException($"A coordinate must be a finite number, not {value}.");
            }

            var text = value.ToString("R", CultureInfo.InvariantCulture);
            if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
            {
                text += ".0";
            }

            writer.WriteRawValue(text, skipInputValidation: true);
        }
    }
}
