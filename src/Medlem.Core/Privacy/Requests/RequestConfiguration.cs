using Medlem.Core.Consortium;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Privacy.Requests;

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> request)
    {
        request.HasOne<Library>().WithMany().HasForeignKey(r => r.LibraryId);
        request.Property(r => r.Description).HasMaxLength(PrivacyRequests.MaxDescription);
        request.Property(r => r.ExtensionReason).HasMaxLength(PrivacyRequests.MaxReason);
        request.Property(r => r.Outcome).HasMaxLength(PrivacyRequests.MaxOutcome);
        request.HasIndex(r => new { r.LibraryId, r.Status, r.DueOn });
        request.HasIndex(r => r.PersonId);
        request.Ignore(r => r.IsOpen);
    }
}
