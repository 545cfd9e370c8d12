namespace Extraction.Cli.Local;

/// <summary>
/// A host lifetime that leaves SIGTERM and Ctrl+C alone: the command owns the signals and stops its
/// hosts in order. (The default console lifetime only asks a host to stop and then keeps the process
/// alive, which is how a SIGTERM used to leave <c>extract run</c> hanging.)
/// </summary>
internal sealed class NoSignalsLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
