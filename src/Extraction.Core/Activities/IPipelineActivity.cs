namespace Extraction.Core.Activities;

/// <summary>
/// An activity of the pipeline: one input record in, one output out. Every implementation is found by
/// <see cref="PipelineActivities"/> and registered under its class name with the local engine; the
/// Functions app binds a trigger of the same name to it.
/// </summary>
public interface IPipelineActivity<in TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken = default);
}
