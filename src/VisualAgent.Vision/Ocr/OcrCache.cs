namespace VisualAgent.Vision.Ocr;

/// <summary>A small thread-safe LRU of OCR results keyed by a content hash of the pixels read.</summary>
internal sealed class OcrCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, OcrResult Value)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, OcrResult Value)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    public bool TryGet(string key, out OcrResult result)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                result = node.Value.Value;
                return true;
            }
        }

        result = OcrResult.Empty;
        return false;
    }

    public void Add(string key, OcrResult result)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
            }

            var node = _order.AddFirst((key, result));
            _map[key] = node;
            while (_map.Count > capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
