namespace VisualAgent.Models.LlamaSharp.Tests.Gguf;

/// <summary>
/// A tiny model of llama.cpp's plain "llama" architecture with random F32 weights, written by the tests themselves (no
/// weights exist on the build machines): one block, width 64, 4 heads, a byte-level vocabulary of 259 tokens
/// (&lt;unk&gt;, &lt;s&gt;, &lt;/s&gt; and the 256 byte tokens &lt;0x00&gt;..&lt;0xFF&gt; of a SentencePiece vocabulary with
/// byte fallback, so any text tokenizes). Its text is noise: tests assert token counts, timing and handles, not words.
/// </summary>
internal static class TinyLlama
{
    public const int Width = 64;
    public const int Heads = 4;
    public const int FeedForward = 128;
    public const int Vocabulary = 259;
    public const int TrainedContext = 2048;

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    /// <param name="chatTemplate">Stored as tokenizer.chat_template; null = none (the client's fallback template is used).</param>
    /// <param name="architecture">general.architecture; anything but "llama" is a model the backend cannot load.</param>
    public static string Write(string path, string? chatTemplate = ChatMlTemplate, string architecture = "llama", int seed = 1)
    {
        var random = new Random(seed);
        var tokens = new List<string> { "<unk>", "<s>", "</s>" };
        tokens.AddRange(Enumerable.Range(0, 256).Select(b => $"<0x{b:X2}>"));
        var types = new List<int> { 2, 3, 3 };
        types.AddRange(Enumerable.Repeat(6, 256));
        var writer = new GgufWriter()
            .Add("general.architecture", architecture)
            .Add("general.name", "visual-agent tiny test model (random weights)")
            .Add($"{architecture}.context_length", (uint)TrainedContext)
            .Add($"{architecture}.embedding_length", (uint)Width)
            .Add($"{architecture}.block_count", 1u)
            .Add($"{architecture}.feed_forward_length", (uint)FeedForward)
            .Add($"{architecture}.attention.head_count", (uint)Heads)
            .Add($"{architecture}.attention.head_count_kv", (uint)Heads)
            .Add($"{architecture}.attention.layer_norm_rms_epsilon", 1e-5f)
            .Add($"{architecture}.rope.dimension_count", (uint)(Width / Heads))
            .Add("tokenizer.ggml.model", "llama")
            .Add("tokenizer.ggml.tokens", tokens)
            .Add("tokenizer.ggml.scores", Enumerable.Repeat(0f, tokens.Count).ToList())
            .Add("tokenizer.ggml.token_type", types)
            .Add("tokenizer.ggml.unknown_token_id", 0u)
            .Add("tokenizer.ggml.bos_token_id", 1u)
            .Add("tokenizer.ggml.eos_token_id", 2u);
        if (chatTemplate is not null)
        {
            writer.Add("tokenizer.chat_template", chatTemplate);
        }

        writer
            .Tensor("token_embd.weight", [Width, Vocabulary], Random(random, Width * Vocabulary))
            .Tensor("output_norm.weight", [Width], Ones(Width))
            .Tensor("output.weight", [Width, Vocabulary], Random(random, Width * Vocabulary))
            .Tensor("blk.0.attn_norm.weight", [Width], Ones(Width))
            .Tensor("blk.0.attn_q.weight", [Width, Width], Random(random, Width * Width))
            .Tensor("blk.0.attn_k.weight", [Width, Width], Random(random, Width * Width))
            .Tensor("blk.0.attn_v.weight", [Width, Width], Random(random, Width * Width))
            .Tensor("blk.0.attn_output.weight", [Width, Width], Random(random, Width * Width))
            .Tensor("blk.0.ffn_norm.weight", [Width], Ones(Width))
            .Tensor("blk.0.ffn_gate.weight", [Width, FeedForward], Random(random, Width * FeedForward))
            .Tensor("blk.0.ffn_up.weight", [Width, FeedForward], Random(random, Width * FeedForward))
            .Tensor("blk.0.ffn_down.weight", [FeedForward, Width], Random(random, FeedForward * Width))
            .Save(path);
        return path;
    }

    /// <summary>A Jinja chat template llama.cpp recognises as ChatML (what Qwen models use).</summary>
    public const string ChatMlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private static float[] Random(Random random, int count)
    {
        var data = new float[count];
        for (var i = 0; i < count; i++)
        {
            data[i] = (float)((random.NextDouble() * 2) - 1) * 0.5f;
        }

        return data;
    }

    private static float[] Ones(int count) => Enumerable.Repeat(1f, count).ToArray();
}
