using System.Text;

namespace VisualAgent.Models.Client;

/// <summary>
/// The HTTP handler under a replica's SDK client that judges a reply before and while it is read: a body longer than
/// the profile's MaxReplyBytes is cut off (by its Content-Length at once, else when the count passes the cap), and an
/// HTML page is refused at the headers (<see cref="StreamMismatchPolicy"/> refuses a JSON body where a stream was asked for). Error statuses pass through (capped) so
/// the client classifies them by status.
/// </summary>
internal sealed class ReplyGuardHandler(string profile, long maxBytes) : DelegatingHandler
{
    private const int SnippetBytes = 200;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
            {
                throw TooLarge($"it announces {length:N0} bytes");
            }

            if (response.IsSuccessStatusCode)
            {
                await RefuseHtmlAsync(response, cancellationToken).ConfigureAwait(false);
            }

            response.Content = new CappedContent(response.Content, maxBytes, () => TooLarge("it went on past that"));
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task RefuseHtmlAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var type = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "";
        if (type is "text/html" or "application/xhtml+xml")
        {
            var snippet = await SnippetAsync(response.Content, cancellationToken).ConfigureAwait(false);
            throw new ReplyRejectedException(ModelFailureKind.InvalidReply,
                $"the server answered with an HTML page ({type}: \"{snippet}\"), not an OpenAI chat-completions reply. Check that Endpoint in Models:{profile} is the API's base URL ending in /v1, not a web page or a proxy's page");
        }
    }

    private static async Task<string> SnippetAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[SnippetBytes];
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var text = Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
            return text.Length <= 120 ? text : text[..120] + "...";
        }
    }

    private ReplyRejectedException TooLarge(string detail) => new(ModelFailureKind.ReplyTooLarge,
        $"the reply is larger than MaxReplyBytes ({maxBytes:N0} bytes; {detail}), so it was not read. A chat reply is a few kilobytes: check the server, or raise MaxReplyBytes in Models:{profile}");

    /// <summary>The response content, read through a stream that throws once more than the cap has been read.</summary>
    private sealed class CappedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly long _max;
        private readonly Func<Exception> _tooLarge;

        public CappedContent(HttpContent inner, long max, Func<Exception> tooLarge)
        {
            _inner = inner;
            _max = max;
            _tooLarge = tooLarge;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new CappedStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _max, _tooLarge);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
            new CappedStream(_inner.ReadAsStream(cancellationToken), _max, _tooLarge);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class CappedStream(Stream inner, long max, Func<Exception> tooLarge) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        private int Count(int read)
        {
            _read += read;
            return _read > max ? throw tooLarge() : read;
        }
    }
}
