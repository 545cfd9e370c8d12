using Extraction.Core.Contracts;

namespace Extraction.Core.Models;

/// <summary>
/// Hands a served account to a shadow deployment, which answers it later, off the critical path. Offering
/// never waits for a model call and never changes the served answer.
/// </summary>
public interface IShadowTraffic
{
    void Offer(string shadowDeployment, BatchItem item, AccountContext context, ModelAnswer served);
}
