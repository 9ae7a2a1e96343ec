using System;
using System.Globalization;
using System.IO;
using System.Text;
using Serilog.Events;
using Serilog.Parsing;

namespace Runtime.Engine.Logging;

/// <summary>
/// Renders a log event's message for people: string properties as plain text (Serilog's own rendering quotes
/// them), formattable values with their format and the invariant culture.
/// </summary>
internal static class MessageRenderer
{
    public static string Render(LogEvent logEvent, StringBuilder? scratch = null)
    {
        StringBuilder message = (scratch ?? new StringBuilder(128)).Clear();
        foreach (MessageTemplateToken token in logEvent.MessageTemplate.Tokens)
        {
            if (token is TextToken text)
            {
                message.Append(text.Text);
            }
            else if (token is PropertyToken property)
            {
                if (!logEvent.Properties.TryGetValue(property.PropertyName, out LogEventPropertyValue? value))
                {
                    message.Append(property.ToString());
                }
                else if (value is ScalarValue { Value: string s })
                {
                    message.Append(s);
                }
                else if (value is ScalarValue { Value: IFormattable formattable })
                {
                    message.Append(formattable.ToString(property.Format, CultureInfo.InvariantCulture));
                }
                else
                {
                    using var writer = new StringWriter(message, CultureInfo.InvariantCulture);
                    value.Render(writer, property.Format, CultureInfo.InvariantCulture);
                }
            }
        }
        return message.ToString();
    }
}
