using Extraction.Core.Contracts;
using Extraction.Core.Partners;
using Extraction.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Extraction.Functions.Triggers;

/// <summary>
/// <c>DELETE /api/partners/{partner}?by=NAME</c>: an operator purges everything of a partner (as <c>extract partners
/// purge</c> does). An operator route: the host's master key (<c>AuthorizationLevel.Admin</c>), never a partner's or
/// reviewer's key.
/// </summary>
public sealed class PartnersAdminHttp(PartnerPurge purge)
{
    [Function("PurgePartner")]
    public async Task<IActionResult> PurgeAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = Routes.Partner)] HttpRequest request,
        string partner,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!BatchRef.IsValidPartner(partner))
        {
            return Problem.Of(StatusCodes.Status400BadRequest, "Invalid partner", $"The partner is not valid: {BatchRef.PartnerRule}.");
        }

        if (request.Query["by"] is not { Count: 1 } by || !BatchRef.IsValidPartner(by[0]!))
        {
            return Problem.Of(StatusCodes.Status400BadRequest, "Who purges", $"Name who asks for the purge in ?by= ({BatchRef.PartnerRule}); it is kept in the purge record.");
        }

        var report = await purge.PurgeAsync(partner, by[0]!, client, cancellationToken);
        return Json.Of(StatusCodes.Status200OK, report);
    }
}
