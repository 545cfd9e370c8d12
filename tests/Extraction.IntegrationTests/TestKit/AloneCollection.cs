namespace Extraction.IntegrationTests.TestKit;

/// <summary>
/// Classes that run after the parallel ones, alone: tests whose claim is a race the server must win on the wire
/// (an oversized body refused before the client finishes sending it), which a machine busy with other classes loses.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}
