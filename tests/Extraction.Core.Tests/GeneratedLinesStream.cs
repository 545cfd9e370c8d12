using System.Text;

namespace Extraction.Core.Tests;

/// <summary>A stream of generated JSON Lines that never exists in memory as a whole.</summary>
internal sealed class GeneratedLinesStream(int count, Func<int, string> line) : Stream
{
    private byte[] _current = [];
    private int _position;
    private int _next;

    public long BytesServed { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count1)
    {
        if (_position == _current.Length)
        {
            if (_next == count)
            {
                return 0;
            }

            _current = Encoding.UTF8.GetBytes(line(_next++) + "\n");
            _position = 0;
        }

        var n = Math.Min(count1, _current.Length - _position);
        Array.Copy(_current, _position, buffer, offset, n);
        _position += n;
        BytesServed += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count1) => throw new NotSupportedException();
}
