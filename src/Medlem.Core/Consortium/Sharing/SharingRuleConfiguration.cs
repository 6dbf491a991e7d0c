using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Consortium.Sharing;

internal sealed class SharingRuleConfiguration : IEntityTypeConfiguration<SharingRule>
{
    public void Configure(EntityTypeBuilder<SharingRule> rule)
    {
        rule.HasOne<Library>().WithMany().HasForeignKey(r => r.OwnerLibraryId).OnDelete(DeleteBehavior.Restrict);
        rule.HasOne<Library>().WithMany().HasForeignKey(r => r.RecipientLibraryId).OnDelete(DeleteBehavior.Restrict);
        rule.Property(r => r.Basis).HasMaxLength(200);
        rule.HasIndex(r => new { r.RecipientLibraryId, r.OwnerLibraryId });
    }
}
