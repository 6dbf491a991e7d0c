using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Messaging;

internal sealed class SentMessageConfiguration : IEntityTypeConfiguration<SentMessage>
{
    public void Configure(EntityTypeBuilder<SentMessage> message)
    {
        message.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        message.Property(m => m.Template).HasMaxLength(40);
        message.Property(m => m.SentTo).HasMaxLength(320);
        message.HasIndex(m => new { m.PersonId, m.SentAt });
    }
}
