using System.Globalization;

namespace Extraction.Tooling.Evaluation;

/// <summary>An axis from zero with round ticks: a step of 1, 2 or 5 × 10ⁿ, and an end a little past the largest value.</summary>
public sealed record AxisScale(double Max, double Step)
{
    /// <param name="largest">The largest value to show.</param>
    /// <param name="least">The smallest axis worth drawing (all values zero still get a readable axis).</param>
    /// <param name="ticks">About how many steps.</param>
    public static AxisScale For(double largest, double least = 0.01, int ticks = 5)
    {
        var span = Math.Max(largest, least) * 1.1; // points stay clear of the plot's edge
        var raw = span / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (raw / magnitude) switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 } * magnitude;
        return new AxisScale(Math.Ceiling(span / step) * step, step);
    }

    public IEnumerable<double> Ticks => Enumerable.Range(0, (int)Math.Round(Max / Step) + 1).Select(i => i * Step);

    /// <summary>As many decimals as the step needs, no more.</summary>
    public string Format(double value, double scale = 1) =>
        (value * scale).ToString($"F{Math.Max(0, -(int)Math.Floor(Math.Log10(Step * scale) + 1e-9))}", CultureInfo.InvariantCulture);
}
