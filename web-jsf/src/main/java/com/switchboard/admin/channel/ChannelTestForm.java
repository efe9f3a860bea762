package com.switchboard.admin.channel;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.delivery.ChannelTester;
import com.switchboard.error.InvalidRequestException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** The test-send form of the Channels page: one probe through a channel's provider, and its answer. */
@Named("channelTestForm")
@RequestScoped
public class ChannelTestForm {
    private static final Map<String, String> FIELDS = Map.of(
            "channel", "test:channel", "address", "test:address", "subject", "test:subject", "content", "test:content");

    @Inject
    ChannelTester tester;

    private String channel = "Email";
    private String address;
    private String subject = "Switchboard test";
    private String content = "A test message from the Switchboard console.";
    private ChannelTester.TestResult result;

    /** Admins only, as {@code POST /communications/test}. */
    public String send() {
        if (!jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .isUserInRole("admin")) {
            FieldMessages.page(
                    jakarta.faces.application.FacesMessage.SEVERITY_ERROR, "Only an admin sends test messages.");
            return null;
        }
        try {
            result = tester.test(new ChannelTester.TestRequest(channel, address, subject, content));
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, FIELDS);
        }
        return null;
    }

    public List<String> getChannels() {
        return List.of("Email", "SMS", "WhatsApp", "InApp");
    }

    public ChannelTester.TestResult getResult() {
        return result;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }
}
