namespace Extraction.Core.Configuration;

/// <summary>Which checks run. Section <c>Checks</c>.</summary>
public sealed class ChecksOptions
{
    public const string Section = "Checks";

    /// <summary>Compare with the rules extractor's labelled values (on by default; off only to measure what it adds).</summary>
    public bool SecondOpinion { get; set; } = true;
}
