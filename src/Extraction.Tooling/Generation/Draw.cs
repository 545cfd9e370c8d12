using System.Globalization;

namespace Extraction.Tooling.Generation;

/// <summary>The random choices a document template makes: a name from a list, an amount, a rate, an account's last four.</summary>
internal sealed class Draw(Random random)
{
    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public int Next(int min, int maxExclusive) => random.Next(min, maxExclusive);

    /// <summary>True one time in <paramref name="n"/>.</summary>
    public bool OneIn(int n) => random.Next(n) == 0;

    public string Pick(params string[] options) => options[random.Next(options.Length)];

    /// <summary>One of <paramref name="options"/>, drawn as <see cref="Pick(string[])"/> draws a string.</summary>
    public T Pick<T>(params T[] options) => options[random.Next(options.Length)];

    public string Last4() => random.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);

    public decimal Amount(decimal min, decimal max) => Math.Round(min + ((decimal)random.NextDouble() * (max - min)), 2);

    public decimal Rate(decimal min, decimal max) => Math.Round(min + ((decimal)random.NextDouble() * (max - min)), 3);
}
