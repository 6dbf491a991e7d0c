using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Medlem.Web.Infrastructure;

/// <summary>Title and description of the OpenAPI document.</summary>
internal sealed class OpenApiDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Medlem API",
            Version = "v1",
            Description =
                "The member register of a library consortium. Every call is made as a signed-in staff member and sees " +
                "only that staff member's library, except POST /api/v1/activity/{kind}, which connected systems call with " +
                "their API key (header X-Api-Key) for the key's library. Errors are RFC 9457 problem details; validation " +
                "errors list each field.",
        };
        return Task.CompletedTask;
    }
}
