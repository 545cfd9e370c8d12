namespace Extraction.Core.Flywheel;

/// <summary>
/// One transition the timer makes on its own, from the state it names: it returns the row as it left it
/// (in the same state when it must wait, e.g. for a job still running) and writes every move it makes.
/// </summary>
public interface IModelStep
{
    ModelState From { get; }

    /// <summary>Whether this row, in <see cref="From"/>, is this step's to move now.</summary>
    bool Takes(ModelRecord record) => true;

    Task<ModelRecord> RunAsync(ModelRecord record, CancellationToken cancellationToken);
}
