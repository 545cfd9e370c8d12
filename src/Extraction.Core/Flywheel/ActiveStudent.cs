using Extraction.Core.Configuration;
using Extraction.Core.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// The student every account is sent to, read from the models table and trusted for
/// <c>Model:ActiveCacheSeconds</c> (0: read for every account): a promotion or rollback reaches every instance
/// within that, with no redeploy. One caller refreshes while the others keep the value they have; a table that cannot be read
/// keeps the last value (or <c>Model:StudentDeployment</c>) after one quick try, so the hot path never fails on it.
/// </summary>
[Singleton(As = typeof(IStudentSource))]
public sealed class ActiveStudent(ModelRegistry registry, IOptions<ModelOptions> options, TimeProvider time, ILogger<ActiveStudent> logger) : IStudentSource, IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Cached? _cached;

    public async ValueTask<StudentRoute> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.ActiveCacheSeconds == 0)
        {
            return await ReadAsync(Volatile.Read(ref _cached)?.Route, cancellationToken).ConfigureAwait(false);
        }

        var cached = Volatile.Read(ref _cached);
        if (cached is not null && time.GetUtcNow() < cached.Until)
        {
            return cached.Route;
        }

        if (cached is not null && !_refresh.Wait(0, CancellationToken.None))
        {
            return cached.Route;
        }

        if (cached is null)
        {
            await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            cached = Volatile.Read(ref _cached);
            if (cached is not null && time.GetUtcNow() < cached.Until)
            {
                return cached.Route;
            }

            var route = await ReadAsync(cached?.Route, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _cached, new Cached(route, time.GetUtcNow().AddSeconds(options.Value.ActiveCacheSeconds)));
            return route;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<StudentRoute> ReadAsync(StudentRoute? last, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var configured = string.IsNullOrWhiteSpace(settings.Shadow.Deployment) ? null : settings.Shadow.Deployment;
        try
        {
            var active = await registry.ActiveAsync(quick: true, cancellationToken).ConfigureAwait(false);
            var student = string.IsNullOrWhiteSpace(active.Deployment) ? settings.StudentDeployment! : active.Deployment;
            var shadow = settings.Shadow.SampleRate > 0 ? configured ?? active.Shadow : null;
            return new StudentRoute(student, shadow);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The models table could not be read ({Error}); the student stays {Student}", ex.GetType().Name, last?.Student ?? settings.StudentDeployment);
            return last ?? Configured();
        }
    }

    private StudentRoute Configured()
    {
        var settings = options.Value;
        return new StudentRoute(settings.StudentDeployment!, settings.Shadow.SampleRate > 0 && !string.IsNullOrWhiteSpace(settings.Shadow.Deployment) ? settings.Shadow.Deployment : null);
    }

    private sealed record Cached(StudentRoute Route, DateTimeOffset Until);
}
