using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Privacy.Consents;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> record)
    {
        // Erasing a membership erases its consents with it.
        record.HasOne<Membership>().WithMany().HasForeignKey(r => r.MembershipId).OnDelete(DeleteBehavior.Cascade);
        record.HasIndex(r => new { r.MembershipId, r.Purpose, r.Id });
    }
}
