<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPlan</name>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="29"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="38"/>
        <source>CPU per core</source>
        <translation>每核 CPU</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="43"/>
        <source>Load average</source>
        <translation>平均负载</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="50"/>
        <source>Memory and swap in use</source>
        <translation>内存与交换使用率</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="55"/>
        <source>Network per interface</source>
        <translation>各网络接口</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="60"/>
        <source>Disk I/O per device</source>
        <translation>各设备磁盘 I/O</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="65"/>
        <source>Filesystems in use</source>
        <translation>文件系统使用率</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="72"/>
        <source>Memory bandwidth and paging</source>
        <translation>内存带宽与分页</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="77"/>
        <source>Pressure (stalled time)</source>
        <translation>压力（停顿时间）</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="82"/>
        <source>Perf events per interval</source>
        <translation>每间隔 perf 事件</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="87"/>
        <source>Instructions per cycle</source>
        <translation>每周期指令数</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="92"/>
        <source>Miss ratios</source>
        <translation>未命中率</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="114"/>
        <source>busy</source>
        <translation>繁忙</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="115"/>
        <source>user</source>
        <translation>用户态</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="116"/>
        <source>system</source>
        <translation>内核态</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="117"/>
        <source>iowait</source>
        <translation>I/O 等待</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="118"/>
        <source>steal</source>
        <translation>被窃取</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="120"/>
        <source>1 min</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="121"/>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="122"/>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="123"/>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="124"/>
        <source>swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="125"/>
        <source>in</source>
        <translation>入</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="126"/>
        <source>out</source>
        <translation>出</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="127"/>
        <source>read</source>
        <translation>读</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="128"/>
        <source>write</source>
        <translation>写</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="130"/>
        <source>DRAM read</source>
        <translation>DRAM 读</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="131"/>
        <source>DRAM write</source>
        <translation>DRAM 写</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="132"/>
        <source>paging</source>
        <translation>分页</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="133"/>
        <source>swapping</source>
        <translation>交换</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="136"/>
        <source>IPC</source>
        <translation>IPC</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="138"/>
        <source>branch</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="139"/>
        <source>cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="140"/>
        <source>LLC</source>
        <translation>LLC</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="141"/>
        <source>L1d</source>
        <translation>L1d</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::ChangesModel</name>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="130"/>
        <source>No samples in this period</source>
        <translation>此时间段没有样本</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="131"/>
        <source>average %1, lowest %2, highest %3 (%4 samples)</source>
        <translation>平均 %1，最低 %2，最高 %3（%4 个样本）</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="138"/>
        <source>How far the median moved, in units of the series&apos; own spread: noise scores low, a quiet series that shifted scores high</source>
        <translation>中位数移动的幅度，以序列自身的离散程度为单位：噪声得分低，平稳序列发生偏移得分高</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="150"/>
        <location filename="../desktop/core/changesmodel.cpp" line="152"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="155"/>
        <source>from 0</source>
        <translation>从 0 起</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="155"/>
        <source>new or gone</source>
        <translation>新出现或已消失</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="173"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="175"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="177"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="179"/>
        <source>Now (avg)</source>
        <translation>现在（平均）</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="181"/>
        <source>Before (avg)</source>
        <translation>之前（平均）</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="183"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="185"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="187"/>
        <source>Both periods</source>
        <translation>两个时间段</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::ChangesView</name>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="126"/>
        <location filename="../desktop/ui/changesview.cpp" line="247"/>
        <source>Every type</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="129"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="185"/>
        <source>Ranking every series…</source>
        <translation>正在为所有序列排序…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="204"/>
        <location filename="../desktop/ui/changesview.cpp" line="234"/>
        <location filename="../desktop/ui/changesview.cpp" line="242"/>
        <source>The ranking cannot be read: %1</source>
        <translation>无法读取排序：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="208"/>
        <source>from the local cache (fetched %1)%2</source>
        <translation>来自本地缓存（获取于 %1）%2</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="219"/>
        <source>Reading both daemons&apos; history to rank it here…</source>
        <translation>正在读取两个守护进程的历史，在此排序…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="228"/>
        <source>ranked here from the local cache (a daemon is away)</source>
        <translation>在此根据本地缓存排序（有一个守护进程无法访问）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="229"/>
        <source>ranked here: the two daemons keep their history apart</source>
        <translation>在此排序：两个守护进程分别保存各自的历史</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="242"/>
        <source>not a ranking</source>
        <translation>不是排序结果</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/ui/changesview.cpp" line="252"/>
        <source>%n series ranked by how much they changed</source>
        <translation>
            <numerusform>已按变化程度排列 %n 个序列</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::CompareView</name>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="97"/>
        <source>Hosts whose history this daemon&apos;s database holds</source>
        <translation>此守护进程数据库中保存了历史的主机</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="105"/>
        <source>Relative</source>
        <translation>相对</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="106"/>
        <source>Custom ranges</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="107"/>
        <source>Two daemons</source>
        <translation>两个守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="109"/>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="110"/>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="111"/>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="112"/>
        <source>a day earlier</source>
        <translation>一天前</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="113"/>
        <source>a week earlier</source>
        <translation>一周前</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="117"/>
        <source>The last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="119"/>
        <source>against the same time</source>
        <translation>对比同一时间</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="131"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="133"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="135"/>
        <source>against the same length from</source>
        <translation>对比同样时长，起始于</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="143"/>
        <source>on this daemon against</source>
        <translation>在此守护进程上，对比</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="154"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="157"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="159"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="161"/>
        <source>Saved comparisons</source>
        <translation>已保存的对比</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="167"/>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="169"/>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="179"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="180"/>
        <source>Now avg</source>
        <translation>现在平均</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="181"/>
        <source>Now min</source>
        <translation>现在最小</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="182"/>
        <source>Now max</source>
        <translation>现在最大</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="183"/>
        <source>Before avg</source>
        <translation>之前平均</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="184"/>
        <source>Before min</source>
        <translation>之前最小</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="185"/>
        <source>Before max</source>
        <translation>之前最大</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="186"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="196"/>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="197"/>
        <source>What changed?</source>
        <translation>有何变化？</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="221"/>
        <source>Save comparison</source>
        <translation>保存对比</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="222"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="277"/>
        <source>%1 (this daemon)</source>
        <translation>%1（此守护进程）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="297"/>
        <source>%1 (in this daemon&apos;s database)</source>
        <translation>%1（在此守护进程的数据库中）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="352"/>
        <source>Connect to a second daemon to compare two (File → Connect to daemon…)</source>
        <translation>连接第二个守护进程以进行对比（文件 → 连接到守护进程…）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="375"/>
        <source>The first range must end after it starts</source>
        <translation>第一个时间范围的结束必须晚于开始</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="392"/>
        <source>Choose a range and another daemon or host</source>
        <translation>请选择时间范围以及另一个守护进程或主机</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="428"/>
        <source>No daemon selected</source>
        <translation>未选择守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="431"/>
        <source>Comparing %1 with %2…</source>
        <translation>正在对比 %1 与 %2…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="455"/>
        <source>The series of %1 cannot be read: %2</source>
        <translation>无法读取 %1 的序列：%2</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="519"/>
        <source>%1: no data stored for either period</source>
        <translation>%1：两个时间段都没有存储数据</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="528"/>
        <source>%1; from the local cache (fetched %2)</source>
        <translation>%1；来自本地缓存（获取于 %2）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="531"/>
        <source>The daemon refused this read: %1</source>
        <translation>守护进程拒绝了此次读取：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="544"/>
        <source>%1 keeps %2 days of history: what came before %3 is deleted there and shown from the local cache</source>
        <translation>%1 保留 %2 天的历史：%3 之前的数据已在那里删除，显示的是本地缓存</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="555"/>
        <source>%1 (%2) against %3 (%4) · %5 buckets</source>
        <translation>%1（%2）对比 %3（%4）· %5 间隔</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::Comparison</name>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="99"/>
        <source>last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="100"/>
        <source>last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="101"/>
        <source>last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="114"/>
        <source>a day earlier</source>
        <translation>一天前</translation>
    </message>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="115"/>
        <source>a week earlier</source>
        <translation>一周前</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::ConnectionManager</name>
    <message>
        <location filename="../desktop/core/connectionmanager.cpp" line="55"/>
        <source>%1 as %2
%3</source>
        <translation>%1，用户 %2
%3</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::CrossRanking</name>
    <message>
        <location filename="../desktop/core/crossranking.cpp" line="44"/>
        <source>No daemon for one of the two sides</source>
        <translation>两侧之一没有守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/core/crossranking.cpp" line="62"/>
        <source>The series of %1 cannot be read: %2</source>
        <translation>无法读取 %1 的序列：%2</translation>
    </message>
    <message>
        <location filename="../desktop/core/crossranking.cpp" line="107"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::DaemonConnection</name>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="73"/>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="114"/>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="124"/>
        <source>&apos;%1&apos; is not a daemon URL; use e.g. http://127.0.0.1:8000</source>
        <translation>&apos;%1&apos; 不是守护进程 URL；例如 http://127.0.0.1:8000</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="129"/>
        <source>Logging in to %1</source>
        <translation>正在登录 %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="164"/>
        <source>Wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="171"/>
        <source>Too many failed logins; wait and try again (%1)</source>
        <translation>登录失败次数过多；请稍后再试（%1）</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="175"/>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="181"/>
        <source>Cannot reach the daemon at %1: %2</source>
        <translation>无法连接 %1 上的守护进程：%2</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="233"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="282"/>
        <source>The daemon&apos;s certificate CHANGED since you trusted it.
Trusted: %1
Now: %2
That is expected after its certificate was replaced, and is what an attack looks like otherwise: compare the new one with `perfwatchd fingerprint` on that machine before you trust it. Nothing was sent.</source>
        <translation>自您信任以来，守护进程的证书已更改。
已信任：%1
现在：%2
如果证书刚被更换，这是预期的；否则这正是攻击的样子：在信任之前，请与该机器上 `perfwatchd fingerprint` 的输出比较。尚未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="287"/>
        <source>The daemon&apos;s certificate is not trusted yet. Its SHA-256 fingerprint:
%1
Compare it with what `perfwatchd fingerprint` prints on that machine, then trust it. Nothing was sent.</source>
        <translation>尚未信任守护进程的证书。其 SHA-256 指纹：
%1
请与该机器上 `perfwatchd fingerprint` 的输出比较，然后再信任它。尚未发送任何内容。</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="329"/>
        <source>Connection lost; retrying in %1 s</source>
        <translation>连接已断开；%1 秒后重试</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::DashboardView</name>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="26"/>
        <location filename="../desktop/ui/dashboardview.cpp" line="231"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="51"/>
        <source>Open in History</source>
        <translation>在历史中打开</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="180"/>
        <source>%1: not measured on this machine</source>
        <translation>%1：本机未测量</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="181"/>
        <source>%1: not available on this machine (%2)</source>
        <translation>%1：本机不可用（%2）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="197"/>
        <source>No daemon selected</source>
        <translation>未选择守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="206"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="209"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="213"/>
        <source>Reconnecting in %1 s</source>
        <translation>%1 秒后重新连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="213"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="217"/>
        <source>Connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="220"/>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="226"/>
        <source> · figures are %1 s old</source>
        <translation> · 数据已过时 %1 秒</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="231"/>
        <source>Log in…</source>
        <translation>登录…</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::FleetView</name>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="44"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="46"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="48"/>
        <source>Reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="50"/>
        <source>Connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="52"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="79"/>
        <source>No daemon yet. Use File → Connect to daemon… to add one.</source>
        <translation>尚无守护进程。请使用 文件 → 连接到守护进程… 添加。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="129"/>
        <source>Open the dashboard</source>
        <translation>打开仪表板</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="181"/>
        <source>Reconnecting in %1 s</source>
        <translation>%1 秒后重新连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="184"/>
        <source> · figures %1 s old</source>
        <translation> · 数据已过时 %1 秒</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="192"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="194"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="195"/>
        <source>Network in / out</source>
        <translation>网络 入 / 出</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="199"/>
        <source>Disk read / write</source>
        <translation>磁盘 读 / 写</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::HistoryClient</name>
    <message>
        <location filename="../desktop/core/historyclient.cpp" line="24"/>
        <source>no daemon</source>
        <translation>无守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/core/historyclient.cpp" line="25"/>
        <source>%1 is not connected (%2)</source>
        <translation>%1 未连接（%2）</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::HistoryFetch</name>
    <message>
        <location filename="../desktop/core/historyclient.cpp" line="96"/>
        <source>the daemon&apos;s answer was not history</source>
        <translation>守护进程的回答不是历史数据</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::HistoryView</name>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="33"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="34"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="52"/>
        <source>Hosts whose history this daemon&apos;s database holds</source>
        <translation>此守护进程数据库中保存了历史的主机</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="55"/>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="58"/>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="64"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="66"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="67"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="151"/>
        <source>No daemon selected</source>
        <translation>未选择守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="202"/>
        <source>%1 (this daemon)</source>
        <translation>%1（此守护进程）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="234"/>
        <source>The series of %1 cannot be read: %2</source>
        <translation>无法读取 %1 的序列：%2</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="301"/>
        <source>Cancelled; the chart shows what had arrived</source>
        <translation>已取消；图表显示已收到的数据</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="320"/>
        <source>Reading the series of %1…</source>
        <translation>正在读取 %1 的序列…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="330"/>
        <source>%1: %2 has no such series stored</source>
        <translation>%1：%2 未存储此序列</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="331"/>
        <source>%1: the series of %2 are not known yet</source>
        <translation>%1：%2 的序列尚未知</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="342"/>
        <source>Loading %1 of %2…</source>
        <translation>正在加载 %1 / %2…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="374"/>
        <source>The daemon refused this read: %1</source>
        <translation>守护进程拒绝了此次读取：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="376"/>
        <source>%1 points per line · %2 buckets · from the daemon</source>
        <translation>每条线 %1 个点 · %2 间隔 · 来自守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="380"/>
        <source>From the local cache (fetched %1) · updating from the daemon…</source>
        <translation>来自本地缓存（获取于 %1）· 正在从守护进程更新…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="383"/>
        <source>%1; nothing of this range is in the local cache</source>
        <translation>%1；本地缓存中没有此时间范围的数据</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="386"/>
        <source>%1; showing the local cache (fetched %2)%3</source>
        <translation>%1；显示本地缓存（获取于 %2）%3</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="389"/>
        <source> · only part of this range is cached</source>
        <translation> · 缓存中只有此时间范围的一部分</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="398"/>
        <source>%1: no data stored for %2 in this range</source>
        <translation>%1：%2 在此时间范围内没有存储数据</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="399"/>
        <source>%1: not in the local cache, and the daemon cannot be reached</source>
        <translation>%1：本地缓存中没有，且无法连接守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="421"/>
        <source>The daemon keeps %1 days of history: it has deleted what came before %2. What the chart shows before then comes from the local cache.</source>
        <translation>守护进程保留 %1 天的历史：%2 之前的数据已被删除。图表中此前的部分来自本地缓存。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="433"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="433"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="435"/>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="435"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="439"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="439"/>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::LoginDialog</name>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="26"/>
        <source>Remember password in the system keychain</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="29"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="32"/>
        <source>Connect to a PerfWatch daemon</source>
        <translation>连接到 PerfWatch 守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="59"/>
        <source>Daemon URL</source>
        <translation>守护进程 URL</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="60"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="61"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="91"/>
        <source>neither Secret Service nor KWallet answers</source>
        <translation>Secret Service 和 KWallet 均无响应</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="93"/>
        <source>No keychain service is running here (%1): the password is kept in memory only, until PerfWatch quits.</source>
        <translation>此处没有运行钥匙串服务（%1）：密码仅保存在内存中，直到 PerfWatch 退出。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="122"/>
        <source>Log in to %1</source>
        <translation>登录 %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="135"/>
        <source>Change the daemon&apos;s URL or user, then connect.</source>
        <translation>修改守护进程的 URL 或用户，然后连接。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="141"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="171"/>
        <source>Enter the password (the daemon wrote the first one to its state directory, file admin-password).</source>
        <translation>请输入密码（守护进程已将初始密码写入其状态目录下的 admin-password 文件）。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="180"/>
        <source>That daemon and user are already in the list.</source>
        <translation>该守护进程和用户已在列表中。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="208"/>
        <source>Trust the new certificate</source>
        <translation>信任新证书</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="208"/>
        <source>Trust this certificate</source>
        <translation>信任此证书</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="79"/>
        <location filename="../desktop/ui/logindialog.cpp" line="196"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::MainWindow</name>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="55"/>
        <source>PerfWatch</source>
        <translation>PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="87"/>
        <location filename="../desktop/ui/mainwindow.cpp" line="234"/>
        <source>Enter the password for %1.</source>
        <translation>请输入 %1 的密码。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="103"/>
        <source>The daemon refused the saved password (%1). Enter the current one.</source>
        <translation>守护进程拒绝了已保存的密码（%1）。请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="152"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="153"/>
        <source>&amp;Connect to daemon…</source>
        <translation>连接到守护进程(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="156"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="157"/>
        <source>&amp;Edit daemon…</source>
        <translation>编辑守护进程(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="161"/>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="162"/>
        <source>&amp;Remove daemon</source>
        <translation>移除守护进程(&amp;R)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="164"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="166"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="168"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;Fleet</source>
        <translation>机群(&amp;F)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;Dashboard</source>
        <translation>仪表板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;Compare</source>
        <translation>对比(&amp;C)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="173"/>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="187"/>
        <source>F&amp;ull screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="193"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="198"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="199"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="200"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="213"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="214"/>
        <source>&amp;About PerfWatch</source>
        <translation>关于 PerfWatch(&amp;A)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="298"/>
        <source>No daemon</source>
        <translation>无守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="309"/>
        <source> · CPU %1% · memory %2%</source>
        <translation> · CPU %1% · 内存 %2%</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="323"/>
        <source>Logged out of %1.</source>
        <translation>已从 %1 注销。</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="339"/>
        <source>About PerfWatch</source>
        <translation>关于 PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="340"/>
        <source>&lt;h3&gt;PerfWatch %1&lt;/h3&gt;&lt;p&gt;Live and historic performance of Linux machines running perfwatchd.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PerfWatch %1&lt;/h3&gt;&lt;p&gt;运行 perfwatchd 的 Linux 机器的实时与历史性能。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建，运行于 Qt %3。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::MetricChartView</name>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="348"/>
        <source>Drag to zoom into a time span; wheel to zoom; Shift+wheel, middle-drag or Ctrl+drag to pan; right-click to export</source>
        <translation>拖动以放大时间段；滚轮缩放；Shift+滚轮、中键拖动或 Ctrl+拖动以平移；右键导出</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="664"/>
        <source>%1
%2 at %3</source>
        <translation>%1
%3 时为 %2</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="735"/>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="737"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="737"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="739"/>
        <location filename="../desktop/ui/metricchartview.cpp" line="745"/>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="741"/>
        <source>Export data as CSV…</source>
        <translation>将数据导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="743"/>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="743"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::RangePicker</name>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="20"/>
        <source>Last 1 h</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="22"/>
        <source>Last 6 h</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="24"/>
        <source>Last 24 h</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="26"/>
        <source>Last 7 d</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="28"/>
        <source>Last 30 d</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="49"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="55"/>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="131"/>
        <source>The range must end after it starts</source>
        <translation>时间范围的结束必须晚于开始</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::SettingsView</name>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="68"/>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="70"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="71"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="89"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="90"/>
        <source>Clean up now</source>
        <translation>立即清理</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="94"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="110"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="113"/>
        <source>Sampling, perf events and retention</source>
        <translation>采样、perf 事件与保留</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="122"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="124"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="125"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="126"/>
        <source>Repeat new password</source>
        <translation>重复新密码</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="182"/>
        <source>No daemon selected</source>
        <translation>未选择守护进程</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="213"/>
        <source>Host: %1
Kernel: %2
CPU: %3 × %4
Memory: %5
Up for: %6
Daemon: %7 (as %8), version %9</source>
        <translation>主机：%1
内核：%2
CPU：%3 × %4
内存：%5
运行时间：%6
守护进程：%7（用户 %8），版本 %9</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="227"/>
        <source>
Not measured here: %1</source>
        <translation>
此处未测量：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="257"/>
        <source>Cannot read the configuration: %1</source>
        <translation>无法读取配置：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="324"/>
        <source>Nothing changed</source>
        <translation>没有更改</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="333"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="337"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="347"/>
        <source>Cleaning up…</source>
        <translation>正在清理…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="355"/>
        <source>Cleanup failed: %1</source>
        <translation>清理失败：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="359"/>
        <source>Cleanup done: %1 samples deleted, %2 downsampled</source>
        <translation>清理完成：删除 %1 个样本，降采样 %2 个</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="371"/>
        <source>The new passwords differ</source>
        <translation>两次输入的新密码不一致</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="385"/>
        <source>Password not changed: %1</source>
        <translation>密码未修改：%1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="394"/>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::TimeRanges</name>
    <message>
        <location filename="../desktop/core/timerange.cpp" line="92"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../desktop/core/timerange.cpp" line="94"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../desktop/core/timerange.cpp" line="96"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../desktop/core/timerange.cpp" line="97"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="35"/>
        <source>Sampling interval (seconds)</source>
        <translation>采样间隔（秒）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="36"/>
        <source>Perf events</source>
        <translation>perf 事件</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="37"/>
        <source>Perf events interval (ms)</source>
        <translation>perf 事件间隔（毫秒）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="39"/>
        <source>Perf events on CPUs (all, or e.g. 0-3)</source>
        <translation>perf 事件所用 CPU（all 或例如 0-3）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="41"/>
        <source>More perf events (comma-separated)</source>
        <translation>更多 perf 事件（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="42"/>
        <source>Keep history (days)</source>
        <translation>历史保留（天）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="43"/>
        <source>Delete history older than that</source>
        <translation>删除更早的历史</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="44"/>
        <source>Keep full resolution (days)</source>
        <translation>保留完整精度（天）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="45"/>
        <source>Then keep (1m or 1h)</source>
        <translation>之后保留（1m 或 1h）</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="46"/>
        <source>Clean up every (minutes)</source>
        <translation>清理间隔（分钟）</translation>
    </message>
</context>
</TS>
