using Extraction.Core.Contracts;

namespace Extraction.Core.Quota;

/// <summary>
/// One call's place at a deployment, from its grant until its answer: <see cref="Complete"/> hands back what the
/// answer says (429, latency, the server's token count); <see cref="Dispose"/> alone gives the place back unheard.
/// </summary>
public sealed class QuotaSlot : IDisposable
{
    private readonly QuotaGate _gate;
    private int _returned;

    internal QuotaSlot(QuotaGate gate, long grantedAt, int tokens, int promptTokens, int maxOutputTokens, TimeSpan waited)
    {
        _gate = gate;
        (GrantedAt, Tokens, PromptTokens, MaxOutputTokens, Waited) = (grantedAt, tokens, promptTokens, maxOutputTokens, waited);
    }

    /// <summary>How long the call waited for this slot.</summary>
    public TimeSpan Waited { get; }

    internal long GrantedAt { get; }

    /// <summary>The tokens charged to the pace when granted: the prompt as the server is expected to count it, plus the cap.</summary>
    internal int Tokens { get; }

    internal int PromptTokens { get; }

    internal int MaxOutputTokens { get; }

    public void Complete(ModelAttempt attempt, TimeSpan? retryAfter)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            _gate.Return(this, attempt, retryAfter);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            _gate.Return(this, null, null);
        }
    }
}
