namespace VisualAgent.Models.Dialects.Parsing;

/// <summary>
/// Thrown inside a dialect's parser when the reply does not fit the grammar; the dialect turns it into a
/// <see cref="VisualAgent.Errors.ModelReplyParseException"/> that keeps the raw reply.
/// </summary>
internal sealed class ReplyFormatException : Exception
{
    public ReplyFormatException()
    {
    }

    public ReplyFormatException(string message)
        : base(message)
    {
    }

    public ReplyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
