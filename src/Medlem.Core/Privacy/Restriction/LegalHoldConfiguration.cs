using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Privacy.Restriction;

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> hold)
    {
        // Erasure removes the membership only once every hold is settled; the settled holds go with it.
        hold.HasOne<Membership>().WithMany().HasForeignKey(h => h.MembershipId).OnDelete(DeleteBehavior.Cascade);
        hold.HasOne<Consortium.Library>().WithMany().HasForeignKey(h => h.LibraryId).OnDelete(DeleteBehavior.Restrict);
        hold.Property(h => h.Reference).HasMaxLength(100);
        hold.Property(h => h.Amount).HasPrecision(12, 2);
        hold.HasIndex(h => new { h.MembershipId, h.SettledAt });
    }
}
