<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountStatus</name>
    <message>
        <source>The platform answered, but it has no model list.</source>
        <translation>The platform answered, but it has no model list.</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Valid: the platform accepts the key</source>
        <translation>Valid: the platform accepts the key</translation>
    </message>
    <message>
        <source>Rejected: the platform does not accept the key</source>
        <translation>Rejected: the platform does not accept the key</translation>
    </message>
    <message>
        <source>Platform unreachable: the key could not be checked</source>
        <translation>Platform unreachable: the key could not be checked</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>No key</translation>
    </message>
</context>
<context>
    <name>AccountTab</name>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>The platform shows the balance only on its website: sign in, open the user menu (top right) → 财务. To top up: user menu → 充值, choose Alipay (支付宝), enter the amount and submit; the balance updates about a minute later.</source>
        <translation>The platform shows the balance only on its website: sign in, open the user menu (top right) → 财务. To top up: user menu → 充值, choose Alipay (支付宝), enter the amount and submit; the balance updates about a minute later.</translation>
    </message>
    <message>
        <source>Open the balance page</source>
        <translation>Open the balance page</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>Top up…</translation>
    </message>
    <message>
        <source>I have topped up</source>
        <translation>I have topped up</translation>
    </message>
    <message>
        <source>Clear the warning; the next call that goes through clears it too.</source>
        <translation>Clear the warning; the next call that goes through clears it too.</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per day</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Per week</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Per month</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Tokens (prompt / completion / cached)</source>
        <translation>Tokens (prompt / completion / cached)</translation>
    </message>
    <message>
        <source>Total tokens</source>
        <translation>Total tokens</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Usage per model</source>
        <translation>Usage per model</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>Per model</translation>
    </message>
    <message>
        <source>Calls, newest first</source>
        <translation>Calls, newest first</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>Remove API key</translation>
    </message>
    <message>
        <source>Remove the stored API key from this computer?</source>
        <translation>Remove the stored API key from this computer?</translation>
    </message>
    <message>
        <source>Export usage</source>
        <translation>Export usage</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Key: %1</translation>
    </message>
    <message>
        <source>No key is stored.</source>
        <translation>No key is stored.</translation>
    </message>
    <message>
        <source>(Demo mode: the built-in simulator is used and no key is sent.)</source>
        <translation>(Demo mode: the built-in simulator is used and no key is sent.)</translation>
    </message>
    <message>
        <source>Insufficient since %1%2. Calls that cost money are refused until you top up.</source>
        <translation>Insufficient since %1%2. Calls that cost money are refused until you top up.</translation>
    </message>
    <message>
        <source> (for %1)</source>
        <translation> (for %1)</translation>
    </message>
    <message>
        <source>No balance problem reported by the platform.</source>
        <translation>No balance problem reported by the platform.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s), %1 tokens, %2 credits</source>
        <translation><numerusform>%n call(s), %1 tokens, %2 credits</numerusform><numerusform>%n call(s), %1 tokens, %2 credits</numerusform></translation>
    </message>
    <message>
        <source>Today: %1
This week: %2
This month: %3
All recorded: %4</source>
        <translation>Today: %1
This week: %2
This month: %3
All recorded: %4</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
</context>
<context>
    <name>AnswerAssembler</name>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>The text received so far is kept; Retry asks again (and may be billed again).</source>
        <translation>The text received so far is kept; Retry asks again (and may be billed again).</translation>
    </message>
    <message>
        <source>The model call failed on the platform: %1</source>
        <translation>The model call failed on the platform: %1</translation>
    </message>
    <message>
        <source>The platform went silent while the answer was arriving (%1).</source>
        <translation>The platform went silent while the answer was arriving (%1).</translation>
    </message>
    <message>
        <source>The connection was lost while the answer was arriving (%1).</source>
        <translation>The connection was lost while the answer was arriving (%1).</translation>
    </message>
    <message>
        <source>The platform ended the answer without its final chunk (no usage came).</source>
        <translation>The platform ended the answer without its final chunk (no usage came).</translation>
    </message>
    <message>
        <source>The answer ended before the platform said it was complete.</source>
        <translation>The answer ended before the platform said it was complete.</translation>
    </message>
    <message>
        <source>The model returned an empty answer.</source>
        <translation>The model returned an empty answer.</translation>
    </message>
</context>
<context>
    <name>ApiCall</name>
    <message>
        <source>reply larger than %1 MiB</source>
        <translation>reply larger than %1 MiB</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>API key rejected</source>
        <translation>API key rejected</translation>
    </message>
    <message>
        <source>Request refused</source>
        <translation>Request refused</translation>
    </message>
    <message>
        <source>Insufficient balance</source>
        <translation>Insufficient balance</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Request too large</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Platform error</source>
        <translation>Platform error</translation>
    </message>
    <message>
        <source>Unexpected reply</source>
        <translation>Unexpected reply</translation>
    </message>
    <message>
        <source>Model call failed</source>
        <translation>Model call failed</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Network error</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Timed out</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>The platform did not accept the API key (HTTP %1). Check the key in Settings, or create a new one on the platform (元境平台 → 下位系统接口 → 下位系统 → 创建APIKEY).</source>
        <translation>The platform did not accept the API key (HTTP %1). Check the key in Settings, or create a new one on the platform (元境平台 → 下位系统接口 → 下位系统 → 创建APIKEY).</translation>
    </message>
    <message>
        <source>The platform refused the request (HTTP %1).</source>
        <translation>The platform refused the request (HTTP %1).</translation>
    </message>
    <message>
        <source>The request is larger than the platform accepts. Use smaller images or lower the request size limit in Settings.</source>
        <translation>The request is larger than the platform accepts. Use smaller images or lower the request size limit in Settings.</translation>
    </message>
    <message>
        <source>The platform no longer has this item (HTTP %1).</source>
        <translation>The platform no longer has this item (HTTP %1).</translation>
    </message>
    <message>
        <source>The platform had a problem (HTTP %1). Try again in a moment.</source>
        <translation>The platform had a problem (HTTP %1). Try again in a moment.</translation>
    </message>
    <message>
        <source>The platform answered with something that is not the expected JSON.</source>
        <translation>The platform answered with something that is not the expected JSON.</translation>
    </message>
    <message>
        <source>The platform reported that the call failed.</source>
        <translation>The platform reported that the call failed.</translation>
    </message>
    <message>
        <source>Could not reach the platform. Check your connection and the base URL in Settings.</source>
        <translation>Could not reach the platform. Check your connection and the base URL in Settings.</translation>
    </message>
    <message>
        <source>The platform did not answer in time.</source>
        <translation>The platform did not answer in time.</translation>
    </message>
    <message>
        <source>Stopped by you.</source>
        <translation>Stopped by you.</translation>
    </message>
    <message>
        <source>Server says: %1</source>
        <translation>Server says: %1</translation>
    </message>
    <message>
        <source>Your balance is too low for this model. Before a call the platform holds back the highest price this model has ever cost, so it can refuse even when your balance seems to cover the price. Top up on the platform (user menu → 充值), then try again. See the Account tab.</source>
        <translation>Your balance is too low for this model. Before a call the platform holds back the highest price this model has ever cost, so it can refuse even when your balance seems to cover the price. Top up on the platform (user menu → 充值), then try again. See the Account tab.</translation>
    </message>
</context>
<context>
    <name>AppCore</name>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation>The database %1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>The demo simulator could not start on this computer.</source>
        <translation>The demo simulator could not start on this computer.</translation>
    </message>
    <message>
        <source>Demo mode: built-in simulator at %1, no key needed, nothing is billed</source>
        <translation>Demo mode: built-in simulator at %1, no key needed, nothing is billed</translation>
    </message>
    <message>
        <source>Platform: %1 (set for this run)</source>
        <translation>Platform: %1 (set for this run)</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Platform: %1</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>Enter the platform address, for example https://opencomputing.ai.</source>
        <translation>Enter the platform address, for example https://opencomputing.ai.</translation>
    </message>
    <message>
        <source>“%1” is not a valid web address. Use the form https://opencomputing.ai.</source>
        <translation>“%1” is not a valid web address. Use the form https://opencomputing.ai.</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>The address must start with https://.</translation>
    </message>
    <message>
        <source>The address must use https:// so that your API key is never sent unencrypted (plain http is only allowed for this computer, e.g. http://127.0.0.1).</source>
        <translation>The address must use https:// so that your API key is never sent unencrypted (plain http is only allowed for this computer, e.g. http://127.0.0.1).</translation>
    </message>
    <message>
        <source>The address must not contain a query, a fragment or a user name.</source>
        <translation>The address must not contain a query, a fragment or a user name.</translation>
    </message>
    <message>
        <source>Paste your API key first.</source>
        <translation>Paste your API key first.</translation>
    </message>
    <message>
        <source>The API key contains spaces or characters that an API key never has. Copy it again with the platform's “复制apikey” button.</source>
        <translation>The API key contains spaces or characters that an API key never has. Copy it again with the platform's “复制apikey” button.</translation>
    </message>
    <message>
        <source>This API key is too short to be valid.</source>
        <translation>This API key is too short to be valid.</translation>
    </message>
    <message>
        <source>Choose a folder for downloaded videos.</source>
        <translation>Choose a folder for downloaded videos.</translation>
    </message>
    <message>
        <source>Use a full path for the download folder.</source>
        <translation>Use a full path for the download folder.</translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder.</source>
        <translation>“%1” is a file, not a folder.</translation>
    </message>
    <message>
        <source>The folder “%1” cannot be created.</source>
        <translation>The folder “%1” cannot be created.</translation>
    </message>
    <message>
        <source>The folder “%1” is not writable.</source>
        <translation>The folder “%1” is not writable.</translation>
    </message>
</context>
<context>
    <name>BoardFile</name>
    <message>
        <source>no field “%1”</source>
        <translation>no field “%1”</translation>
    </message>
    <message>
        <source>no picture field “%1”</source>
        <translation>no picture field “%1”</translation>
    </message>
    <message>
        <source>not a storyboard (a JSON object with a list of "shots"; see docs/STORYBOARD.md)</source>
        <translation>not a storyboard (a JSON object with a list of "shots"; see docs/STORYBOARD.md)</translation>
    </message>
    <message>
        <source>shot %1: unknown model “%2”</source>
        <translation>shot %1: unknown model “%2”</translation>
    </message>
    <message>
        <source>shot %1: %2</source>
        <translation>shot %1: %2</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>not generated yet</source>
        <translation>not generated yet</translation>
    </message>
    <message>
        <source>take %1: %2</source>
        <translation>take %1: %2</translation>
    </message>
    <message>
        <source>take 1 ready</source>
        <translation>take 1 ready</translation>
    </message>
    <message numerus="yes">
        <source>%n take(s); take %1 in the film</source>
        <translation><numerusform>%n take(s); take %1 in the film</numerusform><numerusform>%n take(s); take %1 in the film</numerusform></translation>
    </message>
    <message>
        <source>Shot %1: %2</source>
        <translation>Shot %1: %2</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(no prompt)</translation>
    </message>
    <message>
        <source>Shot %1, %2, %3</source>
        <translation>Shot %1, %2, %3</translation>
    </message>
    <message>
        <source>set to continue, but it is the first shot</source>
        <translation>set to continue, but it is the first shot</translation>
    </message>
    <message>
        <source>take %1: %2 — %3</source>
        <translation>take %1: %2 — %3</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>An answer is still arriving. Stop it first.</source>
        <translation>An answer is still arriving. Stop it first.</translation>
    </message>
    <message>
        <source>The message could not be saved, so it was not sent (nothing was billed): %1</source>
        <translation>The message could not be saved, so it was not sent (nothing was billed): %1</translation>
    </message>
</context>
<context>
    <name>ChatTab</name>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Start a new conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>The model for this conversation. Type a name to use a model that is not listed.</source>
        <translation>The model for this conversation. Type a name to use a model that is not listed.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>System prompt…</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>System prompt</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>As Markdown…</source>
        <translation>As Markdown…</translation>
    </message>
    <message>
        <source>As JSON…</source>
        <translation>As JSON…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>Your balance is too low for this model. &lt;a href="account"&gt;See the Account tab&lt;/a&gt; or &lt;a href="https://opencomputing.ai"&gt;top up on the platform&lt;/a&gt; (user menu → 充值).</source>
        <translation>Your balance is too low for this model. &lt;a href="account"&gt;See the Account tab&lt;/a&gt; or &lt;a href="https://opencomputing.ai"&gt;top up on the platform&lt;/a&gt; (user menu → 充值).</translation>
    </message>
    <message>
        <source>An answer is still arriving. Stop it first (Esc).</source>
        <translation>An answer is still arriving. Stop it first (Esc).</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Stop the answer (Esc)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <source>Instructions the model follows for this whole conversation (sent as sys_prompt).</source>
        <translation>Instructions the model follows for this whole conversation (sent as sys_prompt).</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Export as Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Export as JSON…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Rename conversation</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>This conversation is receiving an answer. Stop it before deleting.</source>
        <translation>This conversation is receiving an answer. Stop it before deleting.</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Delete conversation</translation>
    </message>
    <message>
        <source>Delete “%1” and all its messages? This cannot be undone.</source>
        <translation>Delete “%1” and all its messages? This cannot be undone.</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Export conversation</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>Editing a message: sending adds the new text as a version beside the old one. Esc cancels.</source>
        <translation>Editing a message: sending adds the new text as a version beside the old one. Esc cancels.</translation>
    </message>
    <message>
        <source>An answer is still arriving</source>
        <translation>An answer is still arriving</translation>
    </message>
    <message>
        <source>Quit anyway? The text received so far is kept, marked as stopped.</source>
        <translation>Quit anyway? The text received so far is kept, marked as stopped.</translation>
    </message>
    <message>
        <source>An answer is still arriving. Stop it before switching versions.</source>
        <translation>An answer is still arriving. Stop it before switching versions.</translation>
    </message>
    <message>
        <source>An answer is still arriving. Stop it before deleting a version.</source>
        <translation>An answer is still arriving. Stop it before deleting a version.</translation>
    </message>
    <message>
        <source>Delete this version?</source>
        <translation>Delete this version?</translation>
    </message>
    <message>
        <source>This answer is deleted, with the conversation that followed it in this version. The other versions stay. What it cost stays in the Account tab.</source>
        <translation>This answer is deleted, with the conversation that followed it in this version. The other versions stay. What it cost stays in the Account tab.</translation>
    </message>
    <message>
        <source>This question is deleted, with its answers and the conversation that followed it in this version. The other versions stay.</source>
        <translation>This question is deleted, with its answers and the conversation that followed it in this version. The other versions stay.</translation>
    </message>
    <message>
        <source>Delete version</source>
        <translation>Delete version</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <source>Hide thinking</source>
        <translation>Hide thinking</translation>
    </message>
    <message numerus="yes">
        <source>Show thinking (%n characters)</source>
        <translation><numerusform>Show thinking (%n characters)</numerusform><numerusform>Show thinking (%n characters)</numerusform></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copy code</translation>
    </message>
    <message>
        <source>Tokens: %1 prompt / %2 completion / %3 cached</source>
        <translation>Tokens: %1 prompt / %2 completion / %3 cached</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Copy Link Address</source>
        <translation>Copy Link Address</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Select All</translation>
    </message>
    <message>
        <source>Ask anything. The answer appears here as it is written; Esc stops it.</source>
        <translation>Ask anything. The answer appears here as it is written; Esc stops it.</translation>
    </message>
    <message>
        <source>Send to Studio</source>
        <translation>Send to Studio</translation>
    </message>
    <message>
        <source>Send to storyboard</source>
        <translation>Send to storyboard</translation>
    </message>
    <message>
        <source>Send Selection to Studio</source>
        <translation>Send Selection to Studio</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Previous version</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Next version</translation>
    </message>
    <message>
        <source>Delete this version</source>
        <translation>Delete this version</translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>unknown command “%1” (see yuanjing --help)</source>
        <translation>unknown command “%1” (see yuanjing --help)</translation>
    </message>
    <message>
        <source>no prompt: give it as an argument or on stdin</source>
        <translation>no prompt: give it as an argument or on stdin</translation>
    </message>
    <message>
        <source>no API key: set YUANJING_API_KEY, save one in the app, or use --demo</source>
        <translation>no API key: set YUANJING_API_KEY, save one in the app, or use --demo</translation>
    </message>
    <message>
        <source>usage: %1 prompt, %2 completion, %3 cached, %4 total tokens</source>
        <translation>usage: %1 prompt, %2 completion, %3 cached, %4 total tokens</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>, required</translation>
    </message>
    <message>
        <source> default %1</source>
        <translation> default %1</translation>
    </message>
    <message>
        <source> one of: %1</source>
        <translation> one of: %1</translation>
    </message>
    <message>
        <source> %1-%2</source>
        <translation> %1-%2</translation>
    </message>
    <message>
        <source>schema not loaded: %1</source>
        <translation>schema not loaded: %1</translation>
    </message>
    <message>
        <source>the platform's model list is not available (%1); showing the built-in list</source>
        <translation>the platform's model list is not available (%1); showing the built-in list</translation>
    </message>
    <message>
        <source>--llmid is required (see yuanjing models --video)</source>
        <translation>--llmid is required (see yuanjing models --video)</translation>
    </message>
    <message>
        <source>unknown model “%1” (see yuanjing models --video)</source>
        <translation>unknown model “%1” (see yuanjing models --video)</translation>
    </message>
    <message>
        <source>model %1 is not enabled on the platform (%2)</source>
        <translation>model %1 is not enabled on the platform (%2)</translation>
    </message>
    <message>
        <source>%1 has no field “%2” to set (fields: %3)</source>
        <translation>%1 has no field “%2” to set (fields: %3)</translation>
    </message>
    <message>
        <source>%1 has no picture field “%2”</source>
        <translation>%1 has no picture field “%2”</translation>
    </message>
    <message>
        <source>no clear answer (%1): task %2 is kept as unknown; check on the platform before submitting again</source>
        <translation>no clear answer (%1): task %2 is kept as unknown; check on the platform before submitting again</translation>
    </message>
    <message>
        <source>the video failed: %1</source>
        <translation>the video failed: %1</translation>
    </message>
    <message>
        <source>which task? yuanjing task ID</source>
        <translation>which task? yuanjing task ID</translation>
    </message>
    <message>
        <source>task %1 (platform id %2): %3</source>
        <translation>task %1 (platform id %2): %3</translation>
    </message>
    <message>
        <source>model: %1 (%2), %3</source>
        <translation>model: %1 (%2), %3</translation>
    </message>
    <message>
        <source>prompt: %1</source>
        <translation>prompt: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>file: %1</source>
        <translation>file: %1</translation>
    </message>
    <message>
        <source>no task %1 in the store</source>
        <translation>no task %1 in the store</translation>
    </message>
    <message>
        <source>cannot read the batch file “%1”</source>
        <translation>cannot read the batch file “%1”</translation>
    </message>
    <message>
        <source>%1 line %2: not a JSON object (%3)</source>
        <translation>%1 line %2: not a JSON object (%3)</translation>
    </message>
    <message>
        <source>%1 line %2: unknown or disabled llmid</source>
        <translation>%1 line %2: unknown or disabled llmid</translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 line %2: %3</translation>
    </message>
    <message>
        <source>line %1: submitting</source>
        <translation>line %1: submitting</translation>
    </message>
    <message>
        <source>the answer was stopped</source>
        <translation>the answer was stopped</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 needs a value</translation>
    </message>
    <message>
        <source>unknown option “%1” for %2 (see yuanjing --help); nothing was sent</source>
        <translation>unknown option “%1” for %2 (see yuanjing --help); nothing was sent</translation>
    </message>
    <message>
        <source>task %1 is unknown: %2 (yuanjing task %1 --check asks again)</source>
        <translation>task %1 is unknown: %2 (yuanjing task %1 --check asks again)</translation>
    </message>
    <message>
        <source>The app is following this task; waiting for its result.</source>
        <translation>The app is following this task; waiting for its result.</translation>
    </message>
    <message>
        <source>task %1 has no platform task id to ask about; give it with --taskid ID</source>
        <translation>task %1 has no platform task id to ask about; give it with --taskid ID</translation>
    </message>
    <message>
        <source>only an unknown task can be given a platform task id</source>
        <translation>only an unknown task can be given a platform task id</translation>
    </message>
    <message>
        <source>%1 line %2: the id “%3” is used twice</source>
        <translation>%1 line %2: the id “%3” is used twice</translation>
    </message>
    <message>
        <source>line %1: already sent (its task was deleted from the store); not sent again</source>
        <translation>line %1: already sent (its task was deleted from the store); not sent again</translation>
    </message>
    <message>
        <source>line %1: uncertain — sent as task %2, but no answer was recorded; check on the platform (yuanjing task %2 --taskid ID once you know its id); not sent again</source>
        <translation>line %1: uncertain — sent as task %2, but no answer was recorded; check on the platform (yuanjing task %2 --taskid ID once you know its id); not sent again</translation>
    </message>
    <message>
        <source>batch: %1 submitted, %2 skipped (already sent; %3 of them uncertain), %4 succeeded, %5 failed, %6 refused, %7 unknown, %8 not started; %9 credits</source>
        <translation>batch: %1 submitted, %2 skipped (already sent; %3 of them uncertain), %4 succeeded, %5 failed, %6 refused, %7 unknown, %8 not started; %9 credits</translation>
    </message>
    <message>
        <source>
Media commands (no platform call, nothing billed):
  frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png
        Writes one exact frame of a video as a picture (default: the first).
  join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]
        Joins clips into one MP4 (H.264, AAC): copied when every clip matches, otherwise scaled,
        padded and re-encoded to one size and frame rate (default: the first clip's).
</source>
        <translation>
Media commands (no platform call, nothing billed):
  frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png
        Writes one exact frame of a video as a picture (default: the first).
  join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]
        Joins clips into one MP4 (H.264, AAC): copied when every clip matches, otherwise scaled,
        padded and re-encoded to one size and frame rate (default: the first clip's).
</translation>
    </message>
    <message>
        <source>usage: yuanjing frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png</source>
        <translation>usage: yuanjing frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png</translation>
    </message>
    <message>
        <source>the frame is written as .jpg or .png, not “%1”</source>
        <translation>the frame is written as .jpg or .png, not “%1”</translation>
    </message>
    <message>
        <source>give one of --at, --first and --last</source>
        <translation>give one of --at, --first and --last</translation>
    </message>
    <message>
        <source>--at takes a time in seconds, such as 2.5</source>
        <translation>--at takes a time in seconds, such as 2.5</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>“%1” could not be written: %2</translation>
    </message>
    <message>
        <source>usage: yuanjing join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]</source>
        <translation>usage: yuanjing join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]</translation>
    </message>
    <message>
        <source>--size takes WIDTHxHEIGHT, such as 1280x720 (not “%1”)</source>
        <translation>--size takes WIDTHxHEIGHT, such as 1280x720 (not “%1”)</translation>
    </message>
    <message>
        <source>--fps takes a frame rate from 1 to 120 (not “%1”)</source>
        <translation>--fps takes a frame rate from 1 to 120 (not “%1”)</translation>
    </message>
    <message>
        <source>  storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]
        Makes a storyboard's shots (docs/STORYBOARD.md): a shot with "continue": true starts on the
        previous shot's last frame. Running it again sends no shot twice. Then joins the shots into one
        film (default: BOARD.mp4 beside the board).
</source>
        <translation>  storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]
        Makes a storyboard's shots (docs/STORYBOARD.md): a shot with "continue": true starts on the
        previous shot's last frame. Running it again sends no shot twice. Then joins the shots into one
        film (default: BOARD.mp4 beside the board).
</translation>
    </message>
    <message>
        <source>usage: yuanjing storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]</source>
        <translation>usage: yuanjing storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]</translation>
    </message>
    <message>
        <source>cannot read the storyboard “%1”</source>
        <translation>cannot read the storyboard “%1”</translation>
    </message>
    <message>
        <source>%1: not a storyboard (a JSON object with a list of "shots"; see docs/STORYBOARD.md)</source>
        <translation>%1: not a storyboard (a JSON object with a list of "shots"; see docs/STORYBOARD.md)</translation>
    </message>
    <message>
        <source>%1 shot %2: unknown or disabled llmid</source>
        <translation>%1 shot %2: unknown or disabled llmid</translation>
    </message>
    <message>
        <source>%1 shot %2: %3</source>
        <translation>%1 shot %2: %3</translation>
    </message>
    <message>
        <source>%1 shot 1: the first shot has no previous shot to continue from</source>
        <translation>%1 shot 1: the first shot has no previous shot to continue from</translation>
    </message>
    <message>
        <source>%1 shot %2: %3 has no first-frame field to continue into</source>
        <translation>%1 shot %2: %3 has no first-frame field to continue into</translation>
    </message>
    <message>
        <source>%1 shot %2: “continue” fills %3 with the previous shot's last frame; do not give it too</source>
        <translation>%1 shot %2: “continue” fills %3 with the previous shot's last frame; do not give it too</translation>
    </message>
    <message>
        <source>shot %1: already sent (task %2)</source>
        <translation>shot %1: already sent (task %2)</translation>
    </message>
    <message>
        <source>shot %1: %2</source>
        <translation>shot %1: %2</translation>
    </message>
    <message>
        <source>not made</source>
        <translation>not made</translation>
    </message>
    <message>
        <source>storyboard: %1 submitted, %2 of %3 shots made, %4 failed, %5 held back behind a failed shot, %6 uncertain; %7 credits</source>
        <translation>storyboard: %1 submitted, %2 of %3 shots made, %4 failed, %5 held back behind a failed shot, %6 uncertain; %7 credits</translation>
    </message>
    <message>
        <source>the film was not joined: not every shot was made</source>
        <translation>the film was not joined: not every shot was made</translation>
    </message>
    <message>
        <source>joining %1 shots into %2</source>
        <translation>joining %1 shots into %2</translation>
    </message>
    <message>
        <source>shot %1: submitting</source>
        <translation>shot %1: submitting</translation>
    </message>
    <message>
        <source>Usage: yuanjing [--demo] [--base-url URL] [--json] COMMAND [options]

Commands:
  chat [-m MODEL] [-s SYSTEM] [--no-stream] [--reasoning] [--usage] PROMPT
        Ask a model; the answer is written to stdout as it arrives (the prompt may come on stdin).
        --reasoning writes the model's thinking to stderr; --usage the tokens used, at the end.
  models [--video]
        Chat models from the platform, or video models with their fields, types, choices and defaults.
  video --llmid ID --set KEY=VALUE... [--image FIELD=PATH_OR_URL...] [--wait] [--dry-run]
        Submit a video task, checked against the model's schema first; prints the task id. With
        --wait, follows it and downloads the result, printing the file's path. With --dry-run,
        prints the body that would be sent (pictures summarized) and the expected cost, and sends nothing.
  compare --llmid A --llmid B [--llmid C] [--llmid D] [--ratio R] [--resolution P] [--duration S]
          --set prompt=... [--set negative_prompt=...] [--set seed=N] [--image ROLE=PATH_OR_URL...]
          [--wait] [--dry-run]
        One prompt and one set of settings to 2-4 models of the same mode, each its own task; each model
        gets the nearest values it allows (said on stderr). ROLE: first_frame, last_frame, reference.
        One model refusing does not stop the others. With --wait, follows them all to their files.
  task ID            One task from the store (local id or the platform's task id).
  tasks [--status S] The tasks in the store (S: submitting, queued, running, succeeded, failed,
                     rejected, unknown).
  batch FILE.jsonl [--concurrency N] [--max-credits C]
        One video job a line: {"llmid": ..., "set": {...}, "images": {...}}. At most N tasks run at
        once (default 2); no new job starts once C credits are spent. Running it again skips the jobs
        already submitted. A summary at the end.

Options: --json (machine-readable output), --demo (the built-in simulator), --base-url URL,
--help, --version. Environment: YUANJING_API_KEY, YUANJING_BASE_URL. The settings, key, task store
and library folder are the app's.

Exit codes: 0 ok, 1 other failure, 2 usage error, 3 key missing or rejected, 4 balance too low,
5 bad request (a field or value), 6 network or platform trouble, 7 a video task failed.
</source>
        <translation>Usage: yuanjing [--demo] [--base-url URL] [--json] COMMAND [options]

Commands:
  chat [-m MODEL] [-s SYSTEM] [--no-stream] [--reasoning] [--usage] PROMPT
        Ask a model; the answer is written to stdout as it arrives (the prompt may come on stdin).
        --reasoning writes the model's thinking to stderr; --usage the tokens used, at the end.
  models [--video]
        Chat models from the platform, or video models with their fields, types, choices and defaults.
  video --llmid ID --set KEY=VALUE... [--image FIELD=PATH_OR_URL...] [--wait] [--dry-run]
        Submit a video task, checked against the model's schema first; prints the task id. With
        --wait, follows it and downloads the result, printing the file's path. With --dry-run,
        prints the body that would be sent (pictures summarized) and the expected cost, and sends nothing.
  compare --llmid A --llmid B [--llmid C] [--llmid D] [--ratio R] [--resolution P] [--duration S]
          --set prompt=... [--set negative_prompt=...] [--set seed=N] [--image ROLE=PATH_OR_URL...]
          [--wait] [--dry-run]
        One prompt and one set of settings to 2-4 models of the same mode, each its own task; each model
        gets the nearest values it allows (said on stderr). ROLE: first_frame, last_frame, reference.
        One model refusing does not stop the others. With --wait, follows them all to their files.
  task ID            One task from the store (local id or the platform's task id).
  tasks [--status S] The tasks in the store (S: submitting, queued, running, succeeded, failed,
                     rejected, unknown).
  batch FILE.jsonl [--concurrency N] [--max-credits C]
        One video job a line: {"llmid": ..., "set": {...}, "images": {...}}. At most N tasks run at
        once (default 2); no new job starts once C credits are spent. Running it again skips the jobs
        already submitted. A summary at the end.

Options: --json (machine-readable output), --demo (the built-in simulator), --base-url URL,
--help, --version. Environment: YUANJING_API_KEY, YUANJING_BASE_URL. The settings, key, task store
and library folder are the app's.

Exit codes: 0 ok, 1 other failure, 2 usage error, 3 key missing or rejected, 4 balance too low,
5 bad request (a field or value), 6 network or platform trouble, 7 a video task failed.
</translation>
    </message>
    <message>
        <source>Would send to /llmage/video (%1 bytes; nothing was sent):</source>
        <translation>Would send to /llmage/video (%1 bytes; nothing was sent):</translation>
    </message>
    <message>
        <source>Expected cost: %1</source>
        <translation>Expected cost: %1</translation>
    </message>
    <message>
        <source>compare needs 2 to 4 --llmid (see yuanjing models --video)</source>
        <translation>compare needs 2 to 4 --llmid (see yuanjing models --video)</translation>
    </message>
    <message>
        <source>%1 is %2 but %3 is %4: compare models of one mode</source>
        <translation>%1 is %2 but %3 is %4: compare models of one mode</translation>
    </message>
    <message>
        <source>--ratio “%1” is not W:H (such as 16:9) nor a ratio any of these models allows</source>
        <translation>--ratio “%1” is not W:H (such as 16:9) nor a ratio any of these models allows</translation>
    </message>
    <message>
        <source>--resolution “%1” is not a resolution such as 720p</source>
        <translation>--resolution “%1” is not a resolution such as 720p</translation>
    </message>
    <message>
        <source>--duration “%1” is not a number of seconds</source>
        <translation>--duration “%1” is not a number of seconds</translation>
    </message>
    <message>
        <source>compare sets prompt, negative_prompt and seed (the rest: --ratio, --resolution, --duration); not “%1”</source>
        <translation>compare sets prompt, negative_prompt and seed (the rest: --ratio, --resolution, --duration); not “%1”</translation>
    </message>
    <message>
        <source>compare needs --set prompt=...</source>
        <translation>compare needs --set prompt=...</translation>
    </message>
    <message>
        <source>--image takes ROLE=PATH_OR_URL with ROLE first_frame, last_frame or reference; not “%1”</source>
        <translation>--image takes ROLE=PATH_OR_URL with ROLE first_frame, last_frame or reference; not “%1”</translation>
    </message>
    <message>
        <source>expected cost %1</source>
        <translation>expected cost %1</translation>
    </message>
    <message>
        <source>(%1 credits)</source>
        <translation>(%1 credits)</translation>
    </message>
    <message>
        <source>%1: submitting</source>
        <translation>%1: submitting</translation>
    </message>
    <message>
        <source>
Prompt help (a chat model writes the shot; nothing is generated):
  prompt improve --llmid ID [--chat-model M] [--variant improve|detail|shorter|en|zh] TEXT
        Rewrites a video prompt for the video model ID; the new prompt goes to stdout.
  storyboard plan --llmid ID --shots N [--chat-model M] STORY [-o BOARD.json]
        Splits a story into N shots (1-12) for the video model ID, checked against its schema, and
        writes a board file for `yuanjing storyboard run` (to stdout without -o).
  The chat model is M, else the setting chat/promptHelperModel, else the chat's last model.
</source>
        <translation>
Prompt help (a chat model writes the shot; nothing is generated):
  prompt improve --llmid ID [--chat-model M] [--variant improve|detail|shorter|en|zh] TEXT
        Rewrites a video prompt for the video model ID; the new prompt goes to stdout.
  storyboard plan --llmid ID --shots N [--chat-model M] STORY [-o BOARD.json]
        Splits a story into N shots (1-12) for the video model ID, checked against its schema, and
        writes a board file for `yuanjing storyboard run` (to stdout without -o).
  The chat model is M, else the setting chat/promptHelperModel, else the chat's last model.
</translation>
    </message>
    <message>
        <source>unknown video model “%1” (see yuanjing models --video)</source>
        <translation>unknown video model “%1” (see yuanjing models --video)</translation>
    </message>
    <message>
        <source>unknown --variant “%1” (improve, detail, shorter, en or zh)</source>
        <translation>unknown --variant “%1” (improve, detail, shorter, en or zh)</translation>
    </message>
    <message>
        <source>the model returned an empty answer; your prompt is unchanged</source>
        <translation>the model returned an empty answer; your prompt is unchanged</translation>
    </message>
    <message>
        <source>--shots must be a number from 1 to %1</source>
        <translation>--shots must be a number from 1 to %1</translation>
    </message>
    <message>
        <source>no story: give it as an argument or on stdin</source>
        <translation>no story: give it as an argument or on stdin</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>note: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n shot(s) planned; review it, then run it with yuanjing storyboard run.</source>
        <translation><numerusform>%1: %n shot(s) planned; review it, then run it with yuanjing storyboard run.</numerusform><numerusform>%1: %n shot(s) planned; review it, then run it with yuanjing storyboard run.</numerusform></translation>
    </message>
    <message>
        <source>  storyboard list | storyboard export ID [-o BOARD.json] | storyboard import BOARD.json
        The app's storyboards; writes one as a board file (to standard output without -o), or adds
        a board file to the app's Storyboard tab.
</source>
        <translation>  storyboard list | storyboard export ID [-o BOARD.json] | storyboard import BOARD.json
        The app's storyboards; writes one as a board file (to standard output without -o), or adds
        a board file to the app's Storyboard tab.
</translation>
    </message>
    <message>
        <source>usage: yuanjing storyboard import BOARD.json (cannot read “%1”)</source>
        <translation>usage: yuanjing storyboard import BOARD.json (cannot read “%1”)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the board could not be saved in the database</source>
        <translation>the board could not be saved in the database</translation>
    </message>
    <message>
        <source>usage: yuanjing storyboard export ID [-o BOARD.json] (ids: yuanjing storyboard list)</source>
        <translation>usage: yuanjing storyboard export ID [-o BOARD.json] (ids: yuanjing storyboard list)</translation>
    </message>
    <message>
        <source>no storyboard %1 (see yuanjing storyboard list)</source>
        <translation>no storyboard %1 (see yuanjing storyboard list)</translation>
    </message>
    <message>
        <source>cannot write “%1”: %2</source>
        <translation>cannot write “%1”: %2</translation>
    </message>
</context>
<context>
    <name>CompareTile</name>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ Favourite</translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation>Use these settings</translation>
    </message>
    <message>
        <source>Open the Video Studio with this model and the settings sent</source>
        <translation>Open the Video Studio with this model and the settings sent</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>Settings: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message numerus="yes">
        <source>took %n s</source>
        <translation><numerusform>took %n s</numerusform><numerusform>took %n s</numerusform></translation>
    </message>
    <message>
        <source>%1 credits</source>
        <translation>%1 credits</translation>
    </message>
    <message>
        <source>%1 credits (expected: %2)</source>
        <translation>%1 credits (expected: %2)</translation>
    </message>
    <message>
        <source>Expected cost: %1</source>
        <translation>Expected cost: %1</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favourite</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare models</source>
        <translation>Compare models</translation>
    </message>
    <message>
        <source>Models to compare</source>
        <translation>Models to compare</translation>
    </message>
    <message>
        <source>One prompt for every model</source>
        <translation>One prompt for every model</translation>
    </message>
    <message>
        <source>Each model's default</source>
        <translation>Each model's default</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Models (2 to 4):</source>
        <translation>Models (2 to 4):</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Ratio:</source>
        <translation>Ratio:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <source>Play all</source>
        <translation>Play all</translation>
    </message>
    <message>
        <source>Pause all</source>
        <translation>Pause all</translation>
    </message>
    <message>
        <source>Position of every video</source>
        <translation>Position of every video</translation>
    </message>
    <message>
        <source>Variations</source>
        <translation>Variations</translation>
    </message>
    <message numerus="yes">
        <source>%n take(s) of %1, each with its own seed.</source>
        <translation><numerusform>%n take(s) of %1, each with its own seed.</numerusform><numerusform>%n take(s) of %1, each with its own seed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n take(s) of %1 with the same settings (this model has no seed to vary).</source>
        <translation><numerusform>%n take(s) of %1 with the same settings (this model has no seed to vary).</numerusform><numerusform>%n take(s) of %1 with the same settings (this model has no seed to vary).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Generate %n video(s) · %1</source>
        <translation><numerusform>Generate %n video(s) · %1</numerusform><numerusform>Generate %n video(s) · %1</numerusform></translation>
    </message>
    <message>
        <source>Each model gets its own task (each may be billed).</source>
        <translation>Each model gets its own task (each may be billed).</translation>
    </message>
    <message>
        <source>Choose 2 to 4 models.</source>
        <translation>Choose 2 to 4 models.</translation>
    </message>
    <message>
        <source>Expensive videos</source>
        <translation>Expensive videos</translation>
    </message>
    <message>
        <source>These %1 videos are expected to cost about %2 credits, more than the %3 credits you asked to be warned about. Send them?</source>
        <translation>These %1 videos are expected to cost about %2 credits, more than the %3 credits you asked to be warned about. Send them?</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Not sent.</translation>
    </message>
</context>
<context>
    <name>ComparisonRunner</name>
    <message>
        <source>%1: this model takes no such picture (not sent)</source>
        <translation>%1: this model takes no such picture (not sent)</translation>
    </message>
    <message>
        <source>This model is not enabled on the platform (%1).</source>
        <translation>This model is not enabled on the platform (%1).</translation>
    </message>
    <message>
        <source>No clear answer (%1): kept as unknown; check on the platform before sending again.</source>
        <translation>No clear answer (%1): kept as unknown; check on the platform before sending again.</translation>
    </message>
    <message>
        <source>Another video is being submitted; try again.</source>
        <translation>Another video is being submitted; try again.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Type a message. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Type a message. Enter sends, Shift+Enter starts a new line.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
</context>
<context>
    <name>ConversationExporter</name>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>System prompt</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Thinking</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ConversationStore</name>
    <message>
        <source>the database is not open</source>
        <translation>the database is not open</translation>
    </message>
</context>
<context>
    <name>CostEstimator</name>
    <message numerus="yes">
        <source>≈ %1 credits (median of %n run(s))</source>
        <translation><numerusform>≈ %1 credits (median of %n run(s))</numerusform><numerusform>≈ %1 credits (median of %n run(s))</numerusform></translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation>cost unknown</translation>
    </message>
    <message>
        <source>≈ %1 credits</source>
        <translation>≈ %1 credits</translation>
    </message>
    <message>
        <source>priced by the platform</source>
        <translation>priced by the platform</translation>
    </message>
    <message numerus="yes">
        <source>≈ %1 credits + %n not known in credits</source>
        <translation><numerusform>≈ %1 credits + %n not known in credits</numerusform><numerusform>≈ %1 credits + %n not known in credits</numerusform></translation>
    </message>
</context>
<context>
    <name>CoverDelegate</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>No API key is stored.</source>
        <translation>No API key is stored.</translation>
    </message>
    <message>
        <source>The API key is kept in the system keychain.</source>
        <translation>The API key is kept in the system keychain.</translation>
    </message>
    <message>
        <source>No system keychain is available: the API key is kept in %1, readable only by you.</source>
        <translation>No system keychain is available: the API key is kept in %1, readable only by you.</translation>
    </message>
    <message>
        <source>The API key comes from YUANJING_API_KEY for this run and is not stored.</source>
        <translation>The API key comes from YUANJING_API_KEY for this run and is not stored.</translation>
    </message>
</context>
<context>
    <name>ImagePreparer</name>
    <message>
        <source>This is not a picture the app can read (%1).</source>
        <translation>This is not a picture the app can read (%1).</translation>
    </message>
    <message>
        <source>The picture cannot be read: %1</source>
        <translation>The picture cannot be read: %1</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>The file does not exist.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>The file is too large (%1 MB; at most %2 MB).</source>
        <translation>The file is too large (%1 MB; at most %2 MB).</translation>
    </message>
    <message>
        <source>The picture is empty.</source>
        <translation>The picture is empty.</translation>
    </message>
    <message>
        <source>The picture is too large.</source>
        <translation>The picture is too large.</translation>
    </message>
    <message>
        <source>Only http and https links to pictures can be used.</source>
        <translation>Only http and https links to pictures can be used.</translation>
    </message>
    <message>
        <source>The picture is too large to read (%1 × %2 pixels; at most about %3 megapixels).</source>
        <translation>The picture is too large to read (%1 × %2 pixels; at most about %3 megapixels).</translation>
    </message>
    <message>
        <source>The picture is damaged (a part of it claims more bytes than the file holds).</source>
        <translation>The picture is damaged (a part of it claims more bytes than the file holds).</translation>
    </message>
</context>
<context>
    <name>ImageSlot</name>
    <message>
        <source>Drop a picture or a link here, paste one (Ctrl+V), or click to choose a file.</source>
        <translation>Drop a picture or a link here, paste one (Ctrl+V), or click to choose a file.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>Clear %1</translation>
    </message>
    <message>
        <source>pasted picture</source>
        <translation>pasted picture</translation>
    </message>
    <message>
        <source>dropped picture</source>
        <translation>dropped picture</translation>
    </message>
    <message>
        <source>The clipboard holds no picture and no link to one.</source>
        <translation>The clipboard holds no picture and no link to one.</translation>
    </message>
    <message>
        <source>Choose a picture for %1</source>
        <translation>Choose a picture for %1</translation>
    </message>
    <message>
        <source>Pictures (%1)</source>
        <translation>Pictures (%1)</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>Drop a picture here, paste (Ctrl+V) or click to choose</source>
        <translation>Drop a picture here, paste (Ctrl+V) or click to choose</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>%1 × %2 px · %3</source>
        <translation>%1 × %2 px · %3</translation>
    </message>
    <message>
        <source>Sent as %1 × %2 px %3, %4</source>
        <translation>Sent as %1 × %2 px %3, %4</translation>
    </message>
    <message>
        <source>last frame of %1</source>
        <translation>last frame of %1</translation>
    </message>
    <message>
        <source>frame of %1</source>
        <translation>frame of %1</translation>
    </message>
</context>
<context>
    <name>IntentMapper</name>
    <message>
        <source>%1: %2 asked, but this model has no such setting (not sent)</source>
        <translation>%1: %2 asked, but this model has no such setting (not sent)</translation>
    </message>
    <message>
        <source>%1: %2 asked, %3 sent as %4 (the nearest this model allows)</source>
        <translation>%1: %2 asked, %3 sent as %4 (the nearest this model allows)</translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>The base URL given for this run is not used: %1</source>
        <translation>The base URL given for this run is not used: %1</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Submitting</source>
        <translation>Submitting</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>Generating</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Downloading</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation><numerusform>%n s</numerusform><numerusform>%n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation><numerusform>%n h</numerusform><numerusform>%n h</numerusform></translation>
    </message>
</context>
<context>
    <name>LibraryTab</name>
    <message>
        <source>Search prompts</source>
        <translation>Search prompts</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Failed or unknown</source>
        <translation>Failed or unknown</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>All modes</source>
        <translation>All modes</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>Copy prompt</source>
        <translation>Copy prompt</translation>
    </message>
    <message>
        <source>Run again…</source>
        <translation>Run again…</translation>
    </message>
    <message>
        <source>Open the Video Studio with the same settings</source>
        <translation>Open the Video Studio with the same settings</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Stop watching</translation>
    </message>
    <message>
        <source>Stop asking the platform about this task</source>
        <translation>Stop asking the platform about this task</translation>
    </message>
    <message>
        <source>Download again</source>
        <translation>Download again</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>All models</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>Submitted %1</translation>
    </message>
    <message>
        <source>Task id:</source>
        <translation>Task id:</translation>
    </message>
    <message>
        <source>The platform's link</source>
        <translation>The platform's link</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Delete video</source>
        <translation>Delete video</translation>
    </message>
    <message>
        <source>Remove “%1” from the library?</source>
        <translation>Remove “%1” from the library?</translation>
    </message>
    <message>
        <source>Also delete the downloaded file from disk</source>
        <translation>Also delete the downloaded file from disk</translation>
    </message>
    <message>
        <source>The video player could not be loaded, so videos cannot be played here. Open the file from its folder instead, or reinstall Yuanjing Studio.
%1</source>
        <translation>The video player could not be loaded, so videos cannot be played here. Open the file from its folder instead, or reinstall Yuanjing Studio.
%1</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Ask the platform about this task anew (and for fresh links to its result)</source>
        <translation>Ask the platform about this task anew (and for fresh links to its result)</translation>
    </message>
    <message>
        <source>Enter task id…</source>
        <translation>Enter task id…</translation>
    </message>
    <message>
        <source>Give this task the platform task id you found on the platform, so the app can follow it</source>
        <translation>Give this task the platform task id you found on the platform, so the app can follow it</translation>
    </message>
    <message>
        <source>The platform keeps results about 24 hours; this one is probably gone, but Check again asks for it.</source>
        <translation>The platform keeps results about 24 hours; this one is probably gone, but Check again asks for it.</translation>
    </message>
    <message numerus="yes">
        <source>Not on disk yet. The platform keeps results about 24 hours: about %n hour(s) left to download it.</source>
        <translation><numerusform>Not on disk yet. The platform keeps results about 24 hours: about %n hour(s) left to download it.</numerusform><numerusform>Not on disk yet. The platform keeps results about 24 hours: about %n hour(s) left to download it.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not on disk yet. The platform keeps results about 24 hours: about %n minute(s) left to download it.</source>
        <translation><numerusform>Not on disk yet. The platform keeps results about 24 hours: about %n minute(s) left to download it.</numerusform><numerusform>Not on disk yet. The platform keeps results about 24 hours: about %n minute(s) left to download it.</numerusform></translation>
    </message>
    <message>
        <source>Enter task id</source>
        <translation>Enter task id</translation>
    </message>
    <message>
        <source>The platform's task id for “%1” (find it on the platform's task list):</source>
        <translation>The platform's task id for “%1” (find it on the platform's task list):</translation>
    </message>
    <message>
        <source>Only a task whose state is unknown can be given a task id.</source>
        <translation>Only a task whose state is unknown can be given a task id.</translation>
    </message>
    <message>
        <source>Use this frame</source>
        <translation>Use this frame</translation>
    </message>
    <message>
        <source>The frame at the player's position, for a new task in the Video Studio</source>
        <translation>The frame at the player's position, for a new task in the Video Studio</translation>
    </message>
    <message>
        <source>As the first frame</source>
        <translation>As the first frame</translation>
    </message>
    <message>
        <source>As the last frame</source>
        <translation>As the last frame</translation>
    </message>
    <message>
        <source>As a reference</source>
        <translation>As a reference</translation>
    </message>
    <message>
        <source>Continue from the last frame</source>
        <translation>Continue from the last frame</translation>
    </message>
    <message>
        <source>Image-to-video starting on this video's last frame</source>
        <translation>Image-to-video starting on this video's last frame</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ Favourites</translation>
    </message>
    <message>
        <source>Show only the videos you starred</source>
        <translation>Show only the videos you starred</translation>
    </message>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ Favourite</translation>
    </message>
    <message>
        <source>Star this video (the ★ Favourites filter finds it)</source>
        <translation>Star this video (the ★ Favourites filter finds it)</translation>
    </message>
    <message>
        <source>Side by side…</source>
        <translation>Side by side…</translation>
    </message>
    <message>
        <source>The videos made in the same comparison, side by side</source>
        <translation>The videos made in the same comparison, side by side</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favourite</translation>
    </message>
    <message>
        <source>No videos yet. The ones you make appear here, downloaded as soon as they are ready.</source>
        <translation>No videos yet. The ones you make appear here, downloaded as soon as they are ready.</translation>
    </message>
    <message>
        <source>Open the Video Studio</source>
        <translation>Open the Video Studio</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>%1 credits</source>
        <translation>%1 credits</translation>
    </message>
    <message>
        <source>Billed by the platform</source>
        <translation>Billed by the platform</translation>
    </message>
    <message>
        <source>%1, for %2</source>
        <translation>%1, for %2</translation>
    </message>
    <message>
        <source> at </source>
        <translation> at </translation>
    </message>
    <message>
        <source>%1, at the off-peak price</source>
        <translation>%1, at the off-peak price</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>the end of the usage sentence</comment>
        <translation>%1.</translation>
    </message>
    <message>
        <source>Select a video to play it here and see its details.</source>
        <translation>Select a video to play it here and see its details.</translation>
    </message>
    <message>
        <source>Videos you submit in the Video Studio appear here and are downloaded to %1 as soon as they are ready.</source>
        <translation>Videos you submit in the Video Studio appear here and are downloaded to %1 as soon as they are ready.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Yuanjing Studio</source>
        <translation>Yuanjing Studio</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demo mode</translation>
    </message>
    <message>
        <source>&lt;b&gt;Insufficient balance.&lt;/b&gt; The platform refused a call because the balance is too low. &lt;a href="https://opencomputing.ai"&gt;Top up on the platform&lt;/a&gt; (user menu → 充值), &lt;a href="account"&gt;see the Account tab&lt;/a&gt;, or &lt;a href="dismiss"&gt;dismiss&lt;/a&gt;.</source>
        <translation>&lt;b&gt;Insufficient balance.&lt;/b&gt; The platform refused a call because the balance is too low. &lt;a href="https://opencomputing.ai"&gt;Top up on the platform&lt;/a&gt; (user menu → 充值), &lt;a href="account"&gt;see the Account tab&lt;/a&gt;, or &lt;a href="dismiss"&gt;dismiss&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The platform rejected the API key.&lt;/b&gt; &lt;a href="settings"&gt;Open Settings&lt;/a&gt; to replace it, or &lt;a href="dismiss"&gt;dismiss&lt;/a&gt;.</source>
        <translation>&lt;b&gt;The platform rejected the API key.&lt;/b&gt; &lt;a href="settings"&gt;Open Settings&lt;/a&gt; to replace it, or &lt;a href="dismiss"&gt;dismiss&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Open the platform website</source>
        <translation>Open the platform website</translation>
    </message>
    <message>
        <source>&amp;About Yuanjing Studio</source>
        <translation>&amp;About Yuanjing Studio</translation>
    </message>
    <message>
        <source>About Yuanjing Studio</source>
        <translation>About Yuanjing Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Yuanjing Studio %1&lt;/h3&gt;&lt;p&gt;A native desktop client for the 元境 platform: streamed chat and video generation.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence.&lt;/p&gt;&lt;p&gt;&lt;a href="https://opencomputing.ai"&gt;opencomputing.ai&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Yuanjing Studio %1&lt;/h3&gt;&lt;p&gt;A native desktop client for the 元境 platform: streamed chat and video generation.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence.&lt;/p&gt;&lt;p&gt;&lt;a href="https://opencomputing.ai"&gt;opencomputing.ai&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Video Studio</source>
        <translation>Video Studio</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>The new language applies after a restart.</source>
        <translation>The new language applies after a restart.</translation>
    </message>
    <message>
        <source>Video ready</source>
        <translation>Video ready</translation>
    </message>
    <message>
        <source>Video failed</source>
        <translation>Video failed</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) in progress</source>
        <translation><numerusform>%n video(s) in progress</numerusform><numerusform>%n video(s) in progress</numerusform></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Show Yuanjing Studio</source>
        <translation>Show Yuanjing Studio</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Send the message</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>New line in the message</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop the answer (or leave full-screen video)</source>
        <translation>Stop the answer (or leave full-screen video)</translation>
    </message>
    <message>
        <source>Chat, Video Studio, Library, Account</source>
        <translation>Chat, Video Studio, Library, Account</translation>
    </message>
    <message>
        <source>Paste a picture into the selected slot</source>
        <translation>Paste a picture into the selected slot</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Play or pause the video</source>
        <translation>Play or pause the video</translation>
    </message>
    <message>
        <source>Double-click the video</source>
        <translation>Double-click the video</translation>
    </message>
    <message>
        <source>Full-screen video</source>
        <translation>Full-screen video</translation>
    </message>
    <message>
        <source>Full-screen window</source>
        <translation>Full-screen window</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Yuanjing Studio keeps running</source>
        <translation>Yuanjing Studio keeps running</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) still in progress. The app tells you when they are ready.</source>
        <translation><numerusform>%n video(s) still in progress. The app tells you when they are ready.</numerusform><numerusform>%n video(s) still in progress. The app tells you when they are ready.</numerusform></translation>
    </message>
    <message>
        <source>Tab / Shift+Tab, Enter</source>
        <translation>Tab / Shift+Tab, Enter</translation>
    </message>
    <message>
        <source>In the conversation: go from link to link (Copy, Edit, Regenerate…), follow one</source>
        <translation>In the conversation: go from link to link (Copy, Edit, Regenerate…), follow one</translation>
    </message>
    <message>
        <source>In the conversation: select everything, copy the selection</source>
        <translation>In the conversation: select everything, copy the selection</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>In the conversation: go to the first or the latest message</source>
        <translation>In the conversation: go to the first or the latest message</translation>
    </message>
    <message>
        <source>Storyboard</source>
        <translation>Storyboard</translation>
    </message>
</context>
<context>
    <name>MediaError</name>
    <message>
        <source>The media module (yuanjing-media) could not be loaded; the installation may be damaged. %1</source>
        <translation>The media module (yuanjing-media) could not be loaded; the installation may be damaged. %1</translation>
    </message>
    <message>
        <source>“%1” does not exist or cannot be read.</source>
        <translation>“%1” does not exist or cannot be read.</translation>
    </message>
    <message>
        <source>“%1” is a picture, not a video.</source>
        <translation>“%1” is a picture, not a video.</translation>
    </message>
    <message>
        <source>“%1” has no video stream (sound only?).</source>
        <translation>“%1” has no video stream (sound only?).</translation>
    </message>
    <message>
        <source>“%1” is damaged or incomplete (a download cut short?) and cannot be read.</source>
        <translation>“%1” is damaged or incomplete (a download cut short?) and cannot be read.</translation>
    </message>
    <message>
        <source>The disk is full: “%1” could not be written. Nothing was left half-written.</source>
        <translation>The disk is full: “%1” could not be written. Nothing was left half-written.</translation>
    </message>
    <message>
        <source>“%1” could not be written.</source>
        <translation>“%1” could not be written.</translation>
    </message>
    <message>
        <source>This system's FFmpeg lacks the H.264 or AAC encoder needed to write “%1”.</source>
        <translation>This system's FFmpeg lacks the H.264 or AAC encoder needed to write “%1”.</translation>
    </message>
    <message>
        <source>Cancelled; “%1” was not written.</source>
        <translation>Cancelled; “%1” was not written.</translation>
    </message>
    <message>
        <source>That position or setting does not fit “%1”.</source>
        <translation>That position or setting does not fit “%1”.</translation>
    </message>
    <message>
        <source>The media engine failed on “%1”.</source>
        <translation>The media engine failed on “%1”.</translation>
    </message>
    <message>
        <source>(FFmpeg: %1)</source>
        <translation>(FFmpeg: %1)</translation>
    </message>
</context>
<context>
    <name>ModelCatalog</name>
    <message>
        <source>%1: cannot be read (%2).</source>
        <translation>%1: cannot be read (%2).</translation>
    </message>
    <message>
        <source>%1: larger than 1 MiB, not a schema.</source>
        <translation>%1: larger than 1 MiB, not a schema.</translation>
    </message>
</context>
<context>
    <name>ModelSchema</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <source>%1 is too long (%2 of at most %3 characters).</source>
        <translation>%1 is too long (%2 of at most %3 characters).</translation>
    </message>
    <message>
        <source>“%1” is not a choice for %2 (one of: %3).</source>
        <translation>“%1” is not a choice for %2 (one of: %3).</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 must be a whole number.</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>%1 must be one of: %2.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 must be between %2 and %3.</translation>
    </message>
    <message>
        <source>%1 must be %2 or %3.</source>
        <translation>%1 must be %2 or %3.</translation>
    </message>
    <message>
        <source>Text to video</source>
        <translation>Text to video</translation>
    </message>
    <message>
        <source>Image to video (first and last frame)</source>
        <translation>Image to video (first and last frame)</translation>
    </message>
    <message>
        <source>Reference to video</source>
        <translation>Reference to video</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at byte %3).</source>
        <translation>%1: not a JSON object (%2 at byte %3).</translation>
    </message>
    <message>
        <source>%1: unknown schema version (expected "schema": 1).</source>
        <translation>%1: unknown schema version (expected "schema": 1).</translation>
    </message>
    <message>
        <source>%1: "llmid" is missing.</source>
        <translation>%1: "llmid" is missing.</translation>
    </message>
    <message>
        <source>%1: "mode" must be t2v, i2v or r2v.</source>
        <translation>%1: "mode" must be t2v, i2v or r2v.</translation>
    </message>
    <message>
        <source>%1: "vendor", "model" and "label" are required.</source>
        <translation>%1: "vendor", "model" and "label" are required.</translation>
    </message>
    <message>
        <source>%1: "fields" must be a non-empty list.</source>
        <translation>%1: "fields" must be a non-empty list.</translation>
    </message>
    <message>
        <source>%1: every field needs a "key" (and "llmid" is not one).</source>
        <translation>%1: every field needs a "key" (and "llmid" is not one).</translation>
    </message>
    <message>
        <source>%1: the key appears twice.</source>
        <translation>%1: the key appears twice.</translation>
    </message>
    <message>
        <source>%1: unknown type "%2" (text, longtext, choice, integer, switch or image).</source>
        <translation>%1: unknown type "%2" (text, longtext, choice, integer, switch or image).</translation>
    </message>
    <message>
        <source>%1: a "label" is required.</source>
        <translation>%1: a "label" is required.</translation>
    </message>
    <message>
        <source>%1: a choice needs "choices".</source>
        <translation>%1: a choice needs "choices".</translation>
    </message>
    <message>
        <source>%1: an integer needs "min" and "max" or "choices".</source>
        <translation>%1: an integer needs "min" and "max" or "choices".</translation>
    </message>
    <message>
        <source>%1: "min" is larger than "max".</source>
        <translation>%1: "min" is larger than "max".</translation>
    </message>
    <message>
        <source>%1: an image field cannot have a default.</source>
        <translation>%1: an image field cannot have a default.</translation>
    </message>
    <message>
        <source>%1: the default does not fit: %2</source>
        <translation>%1: the default does not fit: %2</translation>
    </message>
    <message>
        <source>%1: every model needs a "prompt" field.</source>
        <translation>%1: every model needs a "prompt" field.</translation>
    </message>
    <message>
        <source>%1: "task_max_age_hours" must be 1 to 720.</source>
        <translation>%1: "task_max_age_hours" must be 1 to 720.</translation>
    </message>
    <message>
        <source>%1: the key “%2” may only hold letters, digits and “_” (at most %3): keys become file names and request fields.</source>
        <translation>%1: the key “%2” may only hold letters, digits and “_” (at most %3): keys become file names and request fields.</translation>
    </message>
    <message>
        <source>%1: unknown role "%2" (one of: %3).</source>
        <translation>%1: unknown role "%2" (one of: %3).</translation>
    </message>
    <message>
        <source>%1: a %2 field cannot have the role "%3".</source>
        <translation>%1: a %2 field cannot have the role "%3".</translation>
    </message>
    <message>
        <source>%1: the role "%2" appears twice.</source>
        <translation>%1: the role "%2" appears twice.</translation>
    </message>
    <message>
        <source>%1: a size must be written width*height (not “%2”).</source>
        <translation>%1: a size must be written width*height (not “%2”).</translation>
    </message>
    <message>
        <source>%1: "prompt_guide" must be a text or {"zh_CN": …, "en": …}.</source>
        <translation>%1: "prompt_guide" must be a text or {"zh_CN": …, "en": …}.</translation>
    </message>
    <message>
        <source>Film joined from a storyboard</source>
        <translation>Film joined from a storyboard</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Play / pause (Space)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Loop</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>Full screen (double-click the video; Esc leaves)</source>
        <translation>Full screen (double-click the video; Esc leaves)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cannot play this video: %1</source>
        <translation>Cannot play this video: %1</translation>
    </message>
    <message>
        <source>A codec is missing. On Debian or Ubuntu install: sudo apt install gstreamer1.0-plugins-good gstreamer1.0-libav</source>
        <translation>A codec is missing. On Debian or Ubuntu install: sudo apt install gstreamer1.0-plugins-good gstreamer1.0-libav</translation>
    </message>
</context>
<context>
    <name>PromptHelper</name>
    <message>
        <source>Improve prompt</source>
        <translation>Improve prompt</translation>
    </message>
    <message>
        <source>A chat model rewrites the prompt for this video model; you see it first.</source>
        <translation>A chat model rewrites the prompt for this video model; you see it first.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Bring back the prompt as it was before the suggestion was accepted.</source>
        <translation>Bring back the prompt as it was before the suggestion was accepted.</translation>
    </message>
    <message>
        <source>Original prompt</source>
        <translation>Original prompt</translation>
    </message>
    <message>
        <source>Suggested prompt</source>
        <translation>Suggested prompt</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Suggestion (you can edit it)</source>
        <translation>Suggestion (you can edit it)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Use suggestion</source>
        <translation>Use suggestion</translation>
    </message>
    <message>
        <source>Keep original</source>
        <translation>Keep original</translation>
    </message>
    <message>
        <source>%1 tokens (%2 in, %3 out)</source>
        <translation>%1 tokens (%2 in, %3 out)</translation>
    </message>
    <message>
        <source>Edit the suggestion if you like, then use it or keep the original.</source>
        <translation>Edit the suggestion if you like, then use it or keep the original.</translation>
    </message>
    <message>
        <source>Write a prompt first; the chat model improves what you wrote.</source>
        <translation>Write a prompt first; the chat model improves what you wrote.</translation>
    </message>
    <message>
        <source>The prompt could not be sent (the database is not open).</source>
        <translation>The prompt could not be sent (the database is not open).</translation>
    </message>
    <message>
        <source>%1 with %2…</source>
        <translation>%1 with %2…</translation>
    </message>
    <message>
        <source>The suggestion is your prompt now; Undo brings the original back.</source>
        <translation>The suggestion is your prompt now; Undo brings the original back.</translation>
    </message>
    <message>
        <source>The original prompt is back.</source>
        <translation>The original prompt is back.</translation>
    </message>
</context>
<context>
    <name>PromptImprover</name>
    <message>
        <source>Stopped. Your prompt is unchanged.</source>
        <translation>Stopped. Your prompt is unchanged.</translation>
    </message>
    <message>
        <source>The prompt could not be improved: %1 Your prompt is unchanged.</source>
        <translation>The prompt could not be improved: %1 Your prompt is unchanged.</translation>
    </message>
    <message>
        <source>the model returned an empty answer.</source>
        <translation>the model returned an empty answer.</translation>
    </message>
    <message>
        <source>Improve</source>
        <translation>Improve</translation>
    </message>
    <message>
        <source>More detail</source>
        <translation>More detail</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>Shorter</translation>
    </message>
    <message>
        <source>Translate to English</source>
        <translation>Translate to English</translation>
    </message>
    <message>
        <source>Translate to Chinese (中文)</source>
        <translation>Translate to Chinese (中文)</translation>
    </message>
</context>
<context>
    <name>RecentStrip</name>
    <message>
        <source>Recent videos</source>
        <translation>Recent videos</translation>
    </message>
    <message>
        <source>Close the player</source>
        <translation>Close the player</translation>
    </message>
    <message>
        <source>Your videos appear here as they are made: write a prompt, then Generate.</source>
        <translation>Your videos appear here as they are made: write a prompt, then Generate.</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation>Use these settings</translation>
    </message>
</context>
<context>
    <name>RequestBuilder</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <source>The request would be %1 KiB, above the limit of %2 KiB, even with the pictures made small. Use fewer pictures or links to them, or raise the limit in Settings.</source>
        <translation>The request would be %1 KiB, above the limit of %2 KiB, even with the pictures made small. Use fewer pictures or links to them, or raise the limit in Settings.</translation>
    </message>
</context>
<context>
    <name>ResultDownloader</name>
    <message>
        <source>The platform gave a link the app does not follow: %1</source>
        <translation>The platform gave a link the app does not follow: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>The platform sent a web page instead of the file.</source>
        <translation>The platform sent a web page instead of the file.</translation>
    </message>
    <message>
        <source>Cannot write %1 (is the disk full?): %2</source>
        <translation>Cannot write %1 (is the disk full?): %2</translation>
    </message>
    <message>
        <source>The platform no longer has this file (HTTP %1). Its link: %2</source>
        <translation>The platform no longer has this file (HTTP %1). Its link: %2</translation>
    </message>
    <message>
        <source>Download interrupted (%1); it will resume.</source>
        <translation>Download interrupted (%1); it will resume.</translation>
    </message>
    <message>
        <source>Cannot move the finished file to %1.</source>
        <translation>Cannot move the finished file to %1.</translation>
    </message>
    <message>
        <source>The download arrived incomplete; it will be fetched again.</source>
        <translation>The download arrived incomplete; it will be fetched again.</translation>
    </message>
    <message>
        <source>The platform no longer has this result, even under a fresh link. Check on the platform.</source>
        <translation>The platform no longer has this result, even under a fresh link. Check on the platform.</translation>
    </message>
    <message>
        <source>Another program is writing %1; trying again later.</source>
        <translation>Another program is writing %1; trying again later.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>Platform address:</source>
        <translation>Platform address:</translation>
    </message>
    <message>
        <source>Demo mode is on: this run talks to the built-in simulator.</source>
        <translation>Demo mode is on: this run talks to the built-in simulator.</translation>
    </message>
    <message>
        <source>This run uses an address given on the command line or in YUANJING_BASE_URL.</source>
        <translation>This run uses an address given on the command line or in YUANJING_BASE_URL.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Remove key</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API key:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>Download folder</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Download folder:</source>
        <translation>Download folder:</translation>
    </message>
    <message>
        <source>How many earlier exchanges are sent with each question as context.</source>
        <translation>How many earlier exchanges are sent with each question as context.</translation>
    </message>
    <message>
        <source>Chat context (exchanges):</source>
        <translation>Chat context (exchanges):</translation>
    </message>
    <message>
        <source>Show answers as they are written (streaming)</source>
        <translation>Show answers as they are written (streaming)</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Video requests with images are kept under this size; the platform may refuse larger ones.</source>
        <translation>Video requests with images are kept under this size; the platform may refuse larger ones.</translation>
    </message>
    <message>
        <source>Video request size limit:</source>
        <translation>Video request size limit:</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>Remove API key</translation>
    </message>
    <message>
        <source>Remove the stored API key from this computer?</source>
        <translation>Remove the stored API key from this computer?</translation>
    </message>
    <message>
        <source>Stored: %1 (type a new key to replace it)</source>
        <translation>Stored: %1 (type a new key to replace it)</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>Paste your API key</translation>
    </message>
    <message>
        <source>Keep running in the tray while videos are in progress</source>
        <translation>Keep running in the tray while videos are in progress</translation>
    </message>
    <message>
        <source>Closing the window then hides it; the app follows and downloads your videos and tells you when they are ready.</source>
        <translation>Closing the window then hides it; the app follows and downloads your videos and tells you when they are ready.</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Appearance:</translation>
    </message>
    <message>
        <source> credits</source>
        <translation> credits</translation>
    </message>
    <message>
        <source>Never ask</source>
        <translation>Never ask</translation>
    </message>
    <message>
        <source>Before sending a video expected to cost more than this, the app asks (0: never).</source>
        <translation>Before sending a video expected to cost more than this, the app asks (0: never).</translation>
    </message>
    <message>
        <source>Ask before videos costing over:</source>
        <translation>Ask before videos costing over:</translation>
    </message>
    <message>
        <source>The chat model that improves video prompts and plans storyboards; empty: the chat's model.</source>
        <translation>The chat model that improves video prompts and plans storyboards; empty: the chat's model.</translation>
    </message>
    <message>
        <source>Prompt help model:</source>
        <translation>Prompt help model:</translation>
    </message>
</context>
<context>
    <name>ShotDelegate</name>
    <message>
        <source>no take</source>
        <translation>no take</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(no prompt)</translation>
    </message>
    <message>
        <source>↪ continues shot %1 · %2</source>
        <translation>↪ continues shot %1 · %2</translation>
    </message>
</context>
<context>
    <name>ShotListReader</name>
    <message>
        <source>Shot %1: %2 has no field “%3”; it was left out.</source>
        <translation>Shot %1: %2 has no field “%3”; it was left out.</translation>
    </message>
    <message>
        <source>Shot %1: pictures are not taken from the answer (%2 was left out).</source>
        <translation>Shot %1: pictures are not taken from the answer (%2 was left out).</translation>
    </message>
    <message>
        <source>Shot %1: %2 was cut to %3 characters.</source>
        <translation>Shot %1: %2 was cut to %3 characters.</translation>
    </message>
    <message>
        <source>Shot %1: %2 “%3” is not allowed for %4; “%5” instead.</source>
        <translation>Shot %1: %2 “%3” is not allowed for %4; “%5” instead.</translation>
    </message>
    <message>
        <source>The answer is empty: no shots to read.</source>
        <translation>The answer is empty: no shots to read.</translation>
    </message>
    <message>
        <source>The answer's shot list could not be read (its JSON is broken or holds no shots). Nothing was changed; ask again.</source>
        <translation>The answer's shot list could not be read (its JSON is broken or holds no shots). Nothing was changed; ask again.</translation>
    </message>
    <message>
        <source>The answer holds no shot list (neither JSON nor a numbered list). Nothing was changed; ask again.</source>
        <translation>The answer holds no shot list (neither JSON nor a numbered list). Nothing was changed; ask again.</translation>
    </message>
    <message>
        <source>Shot %1 has no prompt; it was left out.</source>
        <translation>Shot %1 has no prompt; it was left out.</translation>
    </message>
    <message>
        <source>None of the answer's shots has a prompt. Nothing was changed; ask again.</source>
        <translation>None of the answer's shots has a prompt. Nothing was changed; ask again.</translation>
    </message>
    <message>
        <source>The answer has %1 shots; the first %2 were kept.</source>
        <translation>The answer has %1 shots; the first %2 were kept.</translation>
    </message>
    <message>
        <source>The answer has %1 of the %2 shots asked for.</source>
        <translation>The answer has %1 of the %2 shots asked for.</translation>
    </message>
</context>
<context>
    <name>StoryPlanDialog</name>
    <message>
        <source>Plan a storyboard</source>
        <translation>Plan a storyboard</translation>
    </message>
    <message>
        <source>A story or an idea, in a line or a page.</source>
        <translation>A story or an idea, in a line or a page.</translation>
    </message>
    <message>
        <source>Story:</source>
        <translation>Story:</translation>
    </message>
    <message>
        <source>Shots:</source>
        <translation>Shots:</translation>
    </message>
    <message>
        <source>Video model:</source>
        <translation>Video model:</translation>
    </message>
    <message>
        <source>Plan shots</source>
        <translation>Plan shots</translation>
    </message>
    <message>
        <source>The chat model's answer</source>
        <translation>The chat model's answer</translation>
    </message>
    <message>
        <source>Prompt (you can edit it)</source>
        <translation>Prompt (you can edit it)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Save board…</source>
        <translation>Save board…</translation>
    </message>
    <message>
        <source>Save board</source>
        <translation>Save board</translation>
    </message>
    <message>
        <source>Storyboards (*.json)</source>
        <translation>Storyboards (*.json)</translation>
    </message>
    <message>
        <source>Write a story or an idea first.</source>
        <translation>Write a story or an idea first.</translation>
    </message>
    <message>
        <source>The story could not be sent (an answer is on its way, or the database is not open).</source>
        <translation>The story could not be sent (an answer is on its way, or the database is not open).</translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 for %n shot(s)…</source>
        <translation><numerusform>Asking %1 for %n shot(s)…</numerusform><numerusform>Asking %1 for %n shot(s)…</numerusform></translation>
    </message>
    <message>
        <source>No plan: %1 Your story is unchanged; nothing was generated.</source>
        <translation>No plan: %1 Your story is unchanged; nothing was generated.</translation>
    </message>
    <message numerus="yes">
        <source>%n shot(s) planned: review them, then save the board.</source>
        <translation><numerusform>%n shot(s) planned: review them, then save the board.</numerusform><numerusform>%n shot(s) planned: review them, then save the board.</numerusform></translation>
    </message>
    <message>
        <source>The board could not be saved to %1: %2</source>
        <translation>The board could not be saved to %1: %2</translation>
    </message>
    <message>
        <source>Board saved to %1.</source>
        <translation>Board saved to %1.</translation>
    </message>
    <message>
        <source>Open as a storyboard</source>
        <translation>Open as a storyboard</translation>
    </message>
    <message>
        <source>Adds the planned shots to the Storyboard tab, to edit and generate there.</source>
        <translation>Adds the planned shots to the Storyboard tab, to edit and generate there.</translation>
    </message>
</context>
<context>
    <name>StoryboardController</name>
    <message>
        <source>shot %1: %2</source>
        <translation>shot %1: %2</translation>
    </message>
    <message>
        <source>not made</source>
        <translation>not made</translation>
    </message>
    <message>
        <source>Shot %1: the new take is ready.</source>
        <translation>Shot %1: the new take is ready.</translation>
    </message>
    <message>
        <source>%1 of %2 shots made.</source>
        <translation>%1 of %2 shots made.</translation>
    </message>
    <message>
        <source>Shot %1: choose a model (“%2” is not available).</source>
        <translation>Shot %1: choose a model (“%2” is not available).</translation>
    </message>
    <message>
        <source>Shot 1 cannot continue from a previous shot: it is the first.</source>
        <translation>Shot 1 cannot continue from a previous shot: it is the first.</translation>
    </message>
    <message>
        <source>Shot %1 continues from the previous shot, but %2 has no first frame: choose an image-to-video model.</source>
        <translation>Shot %1 continues from the previous shot, but %2 has no first frame: choose an image-to-video model.</translation>
    </message>
    <message>
        <source>Shot %1: the picture “%2” is no longer there.</source>
        <translation>Shot %1: the picture “%2” is no longer there.</translation>
    </message>
    <message>
        <source>Shot %1: %2 — %3</source>
        <translation>Shot %1: %2 — %3</translation>
    </message>
    <message>
        <source>The board is being generated: wait for it, or stop it.</source>
        <translation>The board is being generated: wait for it, or stop it.</translation>
    </message>
    <message>
        <source>This shot no longer exists.</source>
        <translation>This shot no longer exists.</translation>
    </message>
    <message>
        <source>Shot %1 continues from the last frame of shot %2: make shot %2 first.</source>
        <translation>Shot %1 continues from the last frame of shot %2: make shot %2 first.</translation>
    </message>
    <message>
        <source>The board is being generated already.</source>
        <translation>The board is being generated already.</translation>
    </message>
    <message>
        <source>The board has no shots yet: add one.</source>
        <translation>The board has no shots yet: add one.</translation>
    </message>
    <message>
        <source>Every shot has a take already: generate a shot again to make another take.</source>
        <translation>Every shot has a take already: generate a shot again to make another take.</translation>
    </message>
    <message>
        <source>waits for shot %1</source>
        <translation>waits for shot %1</translation>
    </message>
    <message>
        <source>waits its turn</source>
        <translation>waits its turn</translation>
    </message>
    <message>
        <source>taking the last frame of shot %1</source>
        <translation>taking the last frame of shot %1</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>generating</source>
        <translation>generating</translation>
    </message>
    <message>
        <source>made</source>
        <translation>made</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>A film is being joined already.</source>
        <translation>A film is being joined already.</translation>
    </message>
    <message>
        <source>The board has no shots yet.</source>
        <translation>The board has no shots yet.</translation>
    </message>
    <message>
        <source>Shot %1 has no take on disk yet: generate it first.</source>
        <translation>Shot %1 has no take on disk yet: generate it first.</translation>
    </message>
    <message>
        <source>Cannot make the folder “%1”.</source>
        <translation>Cannot make the folder “%1”.</translation>
    </message>
    <message>
        <source>Storyboard %1</source>
        <translation>Storyboard %1</translation>
    </message>
    <message>
        <source>Joining was cancelled; no film was written.</source>
        <translation>Joining was cancelled; no film was written.</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>Film</translation>
    </message>
    <message>
        <source>The film was written to “%1”, but the Library could not record it.</source>
        <translation>The film was written to “%1”, but the Library could not record it.</translation>
    </message>
</context>
<context>
    <name>StoryboardRunner</name>
    <message>
        <source>already sent, but its task was deleted from the store; not sent again</source>
        <translation>already sent, but its task was deleted from the store; not sent again</translation>
    </message>
    <message>
        <source>uncertain — sent as task %1, but no answer was recorded; check on the platform; not sent again</source>
        <translation>uncertain — sent as task %1, but no answer was recorded; check on the platform; not sent again</translation>
    </message>
    <message>
        <source>not sent: the run was stopped</source>
        <translation>not sent: the run was stopped</translation>
    </message>
    <message>
        <source>not sent: it continues shot %1, which was not made</source>
        <translation>not sent: it continues shot %1, which was not made</translation>
    </message>
    <message>
        <source>not sent: the credit cap was reached</source>
        <translation>not sent: the credit cap was reached</translation>
    </message>
    <message>
        <source>last frame of shot %1</source>
        <translation>last frame of shot %1</translation>
    </message>
    <message>
        <source>still being made: the take appears on its shot when it is ready</source>
        <translation>still being made: the take appears on its shot when it is ready</translation>
    </message>
    <message>
        <source>no clear answer: task %1 is kept as unknown; check on the platform</source>
        <translation>no clear answer: task %1 is kept as unknown; check on the platform</translation>
    </message>
</context>
<context>
    <name>StoryboardTab</name>
    <message>
        <source>Storyboard:</source>
        <translation>Storyboard:</translation>
    </message>
    <message>
        <source>Storyboard</source>
        <translation>Storyboard</translation>
    </message>
    <message>
        <source>New board</source>
        <translation>New board</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Board actions</source>
        <translation>Board actions</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Export as a board file…</source>
        <translation>Export as a board file…</translation>
    </message>
    <message>
        <source>Import a board file…</source>
        <translation>Import a board file…</translation>
    </message>
    <message>
        <source>Plan with the chat…</source>
        <translation>Plan with the chat…</translation>
    </message>
    <message>
        <source>Delete this board…</source>
        <translation>Delete this board…</translation>
    </message>
    <message>
        <source>Shots</source>
        <translation>Shots</translation>
    </message>
    <message>
        <source>Add shot</source>
        <translation>Add shot</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Move the shot earlier (Ctrl+Up)</source>
        <translation>Move the shot earlier (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Move shot up</source>
        <translation>Move shot up</translation>
    </message>
    <message>
        <source>Move the shot later (Ctrl+Down)</source>
        <translation>Move the shot later (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Move shot down</source>
        <translation>Move shot down</translation>
    </message>
    <message>
        <source>Drag shots to change their order. A shot that continues starts on the last frame of the one before.</source>
        <translation>Drag shots to change their order. A shot that continues starts on the last frame of the one before.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>Shot model</source>
        <translation>Shot model</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Continue from the previous shot's last frame</source>
        <translation>Continue from the previous shot's last frame</translation>
    </message>
    <message>
        <source>Continue from the previous shot</source>
        <translation>Continue from the previous shot</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>Takes</translation>
    </message>
    <message>
        <source>Takes of this shot</source>
        <translation>Takes of this shot</translation>
    </message>
    <message>
        <source>Use in the film</source>
        <translation>Use in the film</translation>
    </message>
    <message>
        <source>This take goes into the film when the board is joined.</source>
        <translation>This take goes into the film when the board is joined.</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Show in Library</source>
        <translation>Show in Library</translation>
    </message>
    <message>
        <source>Generate this shot</source>
        <translation>Generate this shot</translation>
    </message>
    <message>
        <source>Generate all shots</source>
        <translation>Generate all shots</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>No further shot is sent; the ones already sent go on and are kept.</source>
        <translation>No further shot is sent; the ones already sent go on and are kept.</translation>
    </message>
    <message>
        <source>Film size:</source>
        <translation>Film size:</translation>
    </message>
    <message>
        <source>Film size</source>
        <translation>Film size</translation>
    </message>
    <message>
        <source>As the first shot</source>
        <translation>As the first shot</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>Frame rate:</translation>
    </message>
    <message>
        <source>Film frame rate</source>
        <translation>Film frame rate</translation>
    </message>
    <message>
        <source>Join into a film</source>
        <translation>Join into a film</translation>
    </message>
    <message>
        <source>Joins each shot's chosen take into one MP4; the film appears in the Library.</source>
        <translation>Joins each shot's chosen take into one MP4; the film appears in the Library.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel joining</source>
        <translation>Cancel joining</translation>
    </message>
    <message>
        <source>Joining progress</source>
        <translation>Joining progress</translation>
    </message>
    <message>
        <source>Play the film</source>
        <translation>Play the film</translation>
    </message>
    <message>
        <source>Delete shot</source>
        <translation>Delete shot</translation>
    </message>
    <message numerus="yes">
        <source>Delete this shot? Its %n take(s) stay in the Library.</source>
        <translation><numerusform>Delete this shot? Its %n take(s) stay in the Library.</numerusform><numerusform>Delete this shot? Its %n take(s) stay in the Library.</numerusform></translation>
    </message>
    <message>
        <source>Shot %1: a new take is on its way.</source>
        <translation>Shot %1: a new take is on its way.</translation>
    </message>
    <message>
        <source>Generating the board: shots that continue wait for the one before.</source>
        <translation>Generating the board: shots that continue wait for the one before.</translation>
    </message>
    <message>
        <source>Joining the film…</source>
        <translation>Joining the film…</translation>
    </message>
    <message>
        <source>The film is ready: %1 (also in the Library).</source>
        <translation>The film is ready: %1 (also in the Library).</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n shot(s))</source>
        <translation><numerusform>%1 (%n shot(s))</numerusform><numerusform>%1 (%n shot(s))</numerusform></translation>
    </message>
    <message>
        <source>Untitled board</source>
        <translation>Untitled board</translation>
    </message>
    <message>
        <source>Add a shot to begin</source>
        <translation>Add a shot to begin</translation>
    </message>
    <message>
        <source>Make a board to begin</source>
        <translation>Make a board to begin</translation>
    </message>
    <message>
        <source>A storyboard is a list of shots; each is generated as a video and the chosen takes are joined into one film.</source>
        <translation>A storyboard is a list of shots; each is generated as a video and the chosen takes are joined into one film.</translation>
    </message>
    <message>
        <source>Shot %1</source>
        <translation>Shot %1</translation>
    </message>
    <message>
        <source>The first shot has no shot before it.</source>
        <translation>The first shot has no shot before it.</translation>
    </message>
    <message>
        <source>This model has no first frame: choose an image-to-video model to continue.</source>
        <translation>This model has no first frame: choose an image-to-video model to continue.</translation>
    </message>
    <message>
        <source>When generated, its first frame is the last frame of shot %1.</source>
        <translation>When generated, its first frame is the last frame of shot %1.</translation>
    </message>
    <message>
        <source>Choose a model for this shot.</source>
        <translation>Choose a model for this shot.</translation>
    </message>
    <message>
        <source>Filled with the last frame of shot %1 when this shot is generated.</source>
        <translation>Filled with the last frame of shot %1 when this shot is generated.</translation>
    </message>
    <message>
        <source>Take %1</source>
        <translation>Take %1</translation>
    </message>
    <message>
        <source>Take %1 · in the film</source>
        <translation>Take %1 · in the film</translation>
    </message>
    <message>
        <source>Generate this shot · %1</source>
        <translation>Generate this shot · %1</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>Generate all</source>
        <translation>Generate all</translation>
    </message>
    <message>
        <source>Generate all · %1</source>
        <translation>Generate all · %1</translation>
    </message>
    <message>
        <source>New storyboard</source>
        <translation>New storyboard</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>My film</source>
        <translation>My film</translation>
    </message>
    <message>
        <source>The board could not be saved.</source>
        <translation>The board could not be saved.</translation>
    </message>
    <message>
        <source>Rename storyboard</source>
        <translation>Rename storyboard</translation>
    </message>
    <message>
        <source>Delete storyboard</source>
        <translation>Delete storyboard</translation>
    </message>
    <message>
        <source>Delete the board “%1”? Its takes and films stay in the Library.</source>
        <translation>Delete the board “%1”? Its takes and films stay in the Library.</translation>
    </message>
    <message>
        <source>Export storyboard</source>
        <translation>Export storyboard</translation>
    </message>
    <message>
        <source>Board files (*.json)</source>
        <translation>Board files (*.json)</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>Cannot write “%1”: %2</translation>
    </message>
    <message>
        <source>Exported to %1; run it with: yuanjing storyboard run “%1”</source>
        <translation>Exported to %1; run it with: yuanjing storyboard run “%1”</translation>
    </message>
    <message>
        <source>Import storyboard</source>
        <translation>Import storyboard</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Board “%1” with %n shot(s): check the shots, then Generate all.</source>
        <translation><numerusform>Board “%1” with %n shot(s): check the shots, then Generate all.</numerusform><numerusform>Board “%1” with %n shot(s): check the shots, then Generate all.</numerusform></translation>
    </message>
    <message>
        <source>Choose a shot first: the frame goes into one of its picture slots.</source>
        <translation>Choose a shot first: the frame goes into one of its picture slots.</translation>
    </message>
    <message>
        <source>This shot's model has no free slot for that frame.</source>
        <translation>This shot's model has no free slot for that frame.</translation>
    </message>
    <message>
        <source>Shot(s) %1 of the storyboard are not sent yet and will not be sent if you quit now (the takes already sent go on and are kept).</source>
        <translation>Shot(s) %1 of the storyboard are not sent yet and will not be sent if you quit now (the takes already sent go on and are kept).</translation>
    </message>
    <message>
        <source>The film being joined will be cancelled.</source>
        <translation>The film being joined will be cancelled.</translation>
    </message>
    <message>
        <source>Quit Yuanjing Studio?</source>
        <translation>Quit Yuanjing Studio?</translation>
    </message>
    <message>
        <source>Quit anyway?</source>
        <translation>Quit anyway?</translation>
    </message>
    <message>
        <source>Makes a new take of this shot (it may be billed); its other takes are kept. Ctrl+Enter</source>
        <translation>Makes a new take of this shot (it may be billed); its other takes are kept. Ctrl+Enter</translation>
    </message>
    <message>
        <source>Makes every shot that has no take yet (it may be billed); takes on their way are not sent again. Ctrl+Shift+Enter</source>
        <translation>Makes every shot that has no take yet (it may be billed); takes on their way are not sent again. Ctrl+Shift+Enter</translation>
    </message>
</context>
<context>
    <name>StudioForm</name>
    <message>
        <source>(platform default)</source>
        <translation>(platform default)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>StudioTab</name>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>Swap first and last frame</source>
        <translation>Swap first and last frame</translation>
    </message>
    <message>
        <source>Earlier prompts</source>
        <translation>Earlier prompts</translation>
    </message>
    <message>
        <source>Generate video</source>
        <translation>Generate video</translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation>Some fields need attention.</translation>
    </message>
    <message>
        <source>No clear answer from the platform (%1): the task may or may not have been created. It is kept as “unknown”; check on the platform before submitting again.</source>
        <translation>No clear answer from the platform (%1): the task may or may not have been created. It is kept as “unknown”; check on the platform before submitting again.</translation>
    </message>
    <message>
        <source>No model for this mode.</source>
        <translation>No model for this mode.</translation>
    </message>
    <message>
        <source>This model is shown but not yet enabled on the platform (%1).</source>
        <translation>This model is shown but not yet enabled on the platform (%1).</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <source>Send this task to the platform (it may be billed).</source>
        <translation>Send this task to the platform (it may be billed).</translation>
    </message>
    <message>
        <source>Fill in the required fields first.</source>
        <translation>Fill in the required fields first.</translation>
    </message>
    <message>
        <source>Preparing the request…</source>
        <translation>Preparing the request…</translation>
    </message>
    <message>
        <source>Your balance is too low for this model. &lt;a href="https://opencomputing.ai"&gt;Top up on the platform&lt;/a&gt; (user menu → 充值) or &lt;a href="account"&gt;see the Account tab&lt;/a&gt;.</source>
        <translation>Your balance is too low for this model. &lt;a href="https://opencomputing.ai"&gt;Top up on the platform&lt;/a&gt; (user menu → 充值) or &lt;a href="account"&gt;see the Account tab&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>No earlier prompts in this mode</source>
        <translation>No earlier prompts in this mode</translation>
    </message>
    <message>
        <source>Settings of an earlier task loaded: check them, then generate.</source>
        <translation>Settings of an earlier task loaded: check them, then generate.</translation>
    </message>
    <message>
        <source>No video model takes such a picture.</source>
        <translation>No video model takes such a picture.</translation>
    </message>
    <message>
        <source>A frame of “%1” is in place: write the prompt, then generate.</source>
        <translation>A frame of “%1” is in place: write the prompt, then generate.</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Compare…</translation>
    </message>
    <message>
        <source>Send this prompt to 2 to 4 models of this mode and see the results side by side</source>
        <translation>Send this prompt to 2 to 4 models of this mode and see the results side by side</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>Takes</translation>
    </message>
    <message>
        <source>Make variations…</source>
        <translation>Make variations…</translation>
    </message>
    <message>
        <source>Several takes of these settings, side by side (each its own seed where the model has one)</source>
        <translation>Several takes of these settings, side by side (each its own seed where the model has one)</translation>
    </message>
    <message>
        <source>Generate video · %1</source>
        <translation>Generate video · %1</translation>
    </message>
    <message>
        <source>Expected cost: %1</source>
        <translation>Expected cost: %1</translation>
    </message>
    <message>
        <source>Expensive video</source>
        <translation>Expensive video</translation>
    </message>
    <message>
        <source>This video is expected to cost %1, more than the %2 credits you asked to be warned about. Send it?</source>
        <translation>This video is expected to cost %1, more than the %2 credits you asked to be warned about. Send it?</translation>
    </message>
    <message>
        <source>Task %1 is done: it cost %2 credits (expected: %3).</source>
        <translation>Task %1 is done: it cost %2 credits (expected: %3).</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Not sent.</translation>
    </message>
    <message>
        <source>Plan a storyboard…</source>
        <translation>Plan a storyboard…</translation>
    </message>
    <message>
        <source>A chat model splits a story into shots for this model; you review them before anything is generated.</source>
        <translation>A chat model splits a story into shots for this model; you review them before anything is generated.</translation>
    </message>
    <message>
        <source>Prompt from the chat: check it and the settings, then generate.</source>
        <translation>Prompt from the chat: check it and the settings, then generate.</translation>
    </message>
    <message>
        <source>Submitted: task %1. It is on its way in Recent videos, beside the form.</source>
        <translation>Submitted: task %1. It is on its way in Recent videos, beside the form.</translation>
    </message>
</context>
<context>
    <name>TaskPoller</name>
    <message>
        <source>The app stopped before the platform answered this submission. It may or may not have been created: check on the platform before submitting it again.</source>
        <translation>The app stopped before the platform answered this submission. It may or may not have been created: check on the platform before submitting it again.</translation>
    </message>
    <message>
        <source>The platform reports the video as finished but gave no link to it yet.</source>
        <translation>The platform reports the video as finished but gave no link to it yet.</translation>
    </message>
    <message>
        <source>The platform gave a video link the app does not follow (%1).</source>
        <translation>The platform gave a video link the app does not follow (%1).</translation>
    </message>
    <message>
        <source>The platform reports that the task failed.</source>
        <translation>The platform reports that the task failed.</translation>
    </message>
    <message numerus="yes">
        <source>No result within %n hour(s) of submission. The platform may have lost track of it: check on the platform, or check again.</source>
        <translation><numerusform>No result within %n hour(s) of submission. The platform may have lost track of it: check on the platform, or check again.</numerusform><numerusform>No result within %n hour(s) of submission. The platform may have lost track of it: check on the platform, or check again.</numerusform></translation>
    </message>
    <message>
        <source>The platform no longer knows the state of this task: check on the platform.</source>
        <translation>The platform no longer knows the state of this task: check on the platform.</translation>
    </message>
    <message numerus="yes">
        <source>The platform does not know this task id (it said so %n time(s) in a row): %1</source>
        <translation><numerusform>The platform does not know this task id (it said so %n time(s) in a row): %1</numerusform><numerusform>The platform does not know this task id (it said so %n time(s) in a row): %1</numerusform></translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>Usage chart</source>
        <translation>Usage chart</translation>
    </message>
    <message>
        <source>No usage recorded yet: every chat and video is counted here as it is made.</source>
        <translation>No usage recorded yet: every chat and video is counted here as it is made.</translation>
    </message>
    <message>
        <source>Start a chat</source>
        <translation>Start a chat</translation>
    </message>
</context>
<context>
    <name>VideoSubmitter</name>
    <message>
        <source>The task could not be written to the database; nothing was sent.</source>
        <translation>The task could not be written to the database; nothing was sent.</translation>
    </message>
    <message>
        <source>no taskid in the reply</source>
        <translation>no taskid in the reply</translation>
    </message>
    <message>
        <source>This job was already sent; it is not sent again.</source>
        <translation>This job was already sent; it is not sent again.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Yuanjing Studio</source>
        <translation>Welcome to Yuanjing Studio</translation>
    </message>
    <message>
        <source>Chat with LLMs and make videos with Seedance, Wan and Vidu on the 元境 platform. To start, paste your API key.</source>
        <translation>Chat with LLMs and make videos with Seedance, Wan and Vidu on the 元境 platform. To start, paste your API key.</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>Paste your API key</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Save key and start</source>
        <translation>Save key and start</translation>
    </message>
    <message>
        <source>No key yet? Try everything with the built-in simulator: nothing is sent to the platform and nothing is billed.</source>
        <translation>No key yet? Try everything with the built-in simulator: nothing is sent to the platform and nothing is billed.</translation>
    </message>
    <message>
        <source>Try demo mode</source>
        <translation>Try demo mode</translation>
    </message>
    <message>
        <source>The key could not be stored: %1</source>
        <translation>The key could not be stored: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;How to get a key:&lt;/b&gt;&lt;br&gt;1. Sign in at &lt;a href="https://opencomputing.ai"&gt;opencomputing.ai&lt;/a&gt;.&lt;br&gt;2. Open the menu 元境平台 (top left) → 下位系统接口 → 下位系统.&lt;br&gt;3. Click 创建APIKEY, fill in the form and submit.&lt;br&gt;4. Click 复制apikey and paste the key below.</source>
        <translation>&lt;b&gt;How to get a key:&lt;/b&gt;&lt;br&gt;1. Sign in at &lt;a href="https://opencomputing.ai"&gt;opencomputing.ai&lt;/a&gt;.&lt;br&gt;2. Open the menu 元境平台 (top left) → 下位系统接口 → 下位系统.&lt;br&gt;3. Click 创建APIKEY, fill in the form and submit.&lt;br&gt;4. Click 复制apikey and paste the key below.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Yuanjing Studio: chat with LLMs and generate videos on the 元境 platform.
Environment: YUANJING_API_KEY (a key for this run), YUANJING_BASE_URL (a platform address for this run).</source>
        <translation>Yuanjing Studio: chat with LLMs and generate videos on the 元境 platform.
Environment: YUANJING_API_KEY (a key for this run), YUANJING_BASE_URL (a platform address for this run).</translation>
    </message>
    <message>
        <source>Run against the built-in platform simulator: no key, no network, nothing billed.</source>
        <translation>Run against the built-in platform simulator: no key, no network, nothing billed.</translation>
    </message>
    <message>
        <source>Talk to the platform at &lt;url&gt; for this run.</source>
        <translation>Talk to the platform at &lt;url&gt; for this run.</translation>
    </message>
    <message>
        <source>Yuanjing Studio cannot start</source>
        <translation>Yuanjing Studio cannot start</translation>
    </message>
    <message>
        <source>%1

Nothing was changed. Free some disk space, check the folder's permissions, or move the file aside, then start the app again.</source>
        <translation>%1

Nothing was changed. Free some disk space, check the folder's permissions, or move the file aside, then start the app again.</translation>
    </message>
</context>
</TS>