using System.Text;
using Extraction.Core.Batches;

namespace Extraction.Core.Tests;

public sealed class JsonLinesSplitterTests
{
    [Fact]
    public async Task Offsets_point_back_at_the_exact_bytes_of_each_line()
    {
        var text = "\uFEFF{\"a\":1}\r\n{\"b\":\"é\"}\n\n{\"c\":3}";
        var bytes = Encoding.UTF8.GetBytes(text);

        var lines = await ReadAllAsync(bytes, maxLineBytes: 1024);

        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.Number));
        Assert.Equal(["{\"a\":1}", "{\"b\":\"é\"}", "", "{\"c\":3}"], lines.Select(l => Encoding.UTF8.GetString(bytes, (int)l.Offset, l.Length)));
        Assert.Equal(lines.Select(l => Encoding.UTF8.GetString(l.Bytes!)), lines.Select(l => Encoding.UTF8.GetString(bytes, (int)l.Offset, l.Length)));
        Assert.True(lines[2].IsBlank);
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_reported_and_the_next_line_survives()
    {
        var huge = new string('x', 300_000);
        var bytes = Encoding.UTF8.GetBytes($"{{\"a\":1}}\n{{\"big\":\"{huge}\"}}\n{{\"c\":3}}\n");

        var lines = await ReadAllAsync(bytes, maxLineBytes: 100_000);

        Assert.Equal(3, lines.Count);
        Assert.True(lines[1].IsTooLong);
        Assert.Equal(300_010, lines[1].Length);
        Assert.Equal("{\"c\":3}", Encoding.UTF8.GetString(lines[2].Bytes!));
        Assert.Equal(lines[1].Offset + lines[1].Length + 1, lines[2].Offset);
    }

    [Fact]
    public async Task Lines_larger_than_the_read_buffer_come_out_whole()
    {
        var big = new string('y', 200_000);
        var bytes = Encoding.UTF8.GetBytes($"{big}\n{big}z");

        var lines = await ReadAllAsync(bytes, maxLineBytes: 1_000_000, chunk: 7_000);

        Assert.Equal([200_000, 200_001], lines.Select(l => l.Length));
        Assert.Equal(200_001, lines[1].Offset);
        Assert.EndsWith("z", Encoding.UTF8.GetString(lines[1].Bytes!), StringComparison.Ordinal);
    }

    private static async Task<List<RawLine>> ReadAllAsync(byte[] bytes, int maxLineBytes, int chunk = int.MaxValue)
    {
        var lines = new List<RawLine>();
        await foreach (var line in JsonLinesSplitter.ReadAsync(new TrickleStream(bytes, chunk), maxLineBytes))
        {
            lines.Add(line);
        }

        return lines;
    }
}
