import Foundation
import GRDB
import Queue

/// One person of the demo hall's staff.
public struct DemoStaff: Sendable {
    public var id: String
    public var name: String
    public var department: String
    public var roles: Set<Role>
    public var level: ApproverLevel?
    var passwordHash: String

    /// Every demo password is `demo-` and the staff number (README).
    public var password: String { "demo-" + id }
}

/// The demo hall: a district approval bureau's hall with five service lines, eight windows of different
/// profiles with a clerk signed in at each, the staff of every role (8 clerks, 3 reviewers, 3 section-chief
/// and 1 deputy-director approvers, 20 proxy agents, a supervisor, an administrator, and 22 supervision liaisons) and the demo
/// catalog. The operating-system account that creates it is bound to the first clerk, 王芳 (S01), who in the
/// demo is also supervisor and administrator, so `swift run desk` opens a working window with no password.
/// Seeded in one transaction.
public enum DemoHall {
    public static let lines: [(prefix: String, name: String, target: Int, service: Int)] = [
        ("A", "综合受理", 15, 6),
        ("B", "企业开办", 20, 10),
        ("C", "工程建设项目", 30, 15),
        ("D", "社会事务", 15, 6),
        ("E", "不动产登记", 20, 12),
    ]

    // Generated once (scrypt N=2^15, r=8, p=1, random salt) from the passwords `demo-` + staff number;
    // stored precomputed so seeding a demo hall does not spend 37 × 0.1 s hashing. The passwords are
    // public (README), so fixing their hashes in the source gives nothing away.
    static let staff: [DemoStaff] = [
        DemoStaff(id: "S01", name: "王芳", department: "综合受理科", roles: [.clerk, .supervisor, .admin], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$vcq2uD0/jvvtNoZsQ5+nkg==$WHqO8+kE1RUVlED+aQxFMRaQuV1dDUy79dphGegoKBY="),
        DemoStaff(id: "S02", name: "李强", department: "综合受理科", roles: [.clerk], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$ccvb4NNB+5grwneqFZvDww==$gUxVDLxOPEWwY/rqC9j12H8LMU+JOUJP3rco0zTTa8o="),
        DemoStaff(id: "S03", name: "张伟", department: "企业服务科", roles: [.clerk], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$7T3ASF+OeNcyc03DG8+zZQ==$ofG6Y5r8ROf8jgGbfb5KrWDgAupmtLR3FO3hqAKk+R8="),
        DemoStaff(id: "S04", name: "刘洋", department: "企业服务科", roles: [.clerk], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$W5xQz6VnHnG1No6NmP9KqQ==$Z2LLbLVu+eUQ2lJiWY2F9Q7Wxev5ZU+d+HspPrcstf4="),
        DemoStaff(id: "S05", name: "陈静", department: "工程建设科", roles: [.clerk], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$jBBLM/5+NA6ApdTHUAqKng==$2E5qsERsljTJSEj4bOwVH0xy3Kj81OXB/ErqoyPybWc="),
        DemoStaff(id: "S06", name: "杨磊", department: "社会事务科", roles: [.clerk], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$FaeAGOcCmhOVNgJbmkv88Q==$9VRA9/bDWI1nUBKbK3l2x631VEtZ9vlF1LXcq/YKjI0="),
        DemoStaff(id: "S07", name: "赵敏", department: "不动产登记中心", roles: [.clerk], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$CWZ3zKts+/VtxcXCgVywKA==$88+Q/2ayTgkKjJJFRHrLUyrJujzKkXXDb9jc42SvSo0="),
        DemoStaff(id: "S08", name: "黄丽", department: "综合受理科", roles: [.clerk], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$Q5eci+100wBNmOB2UaODHg==$fdNROlSuIUdksmcysX1t/Ox4UAiG2zDWu1dGndXZF7I="),
        DemoStaff(id: "R01", name: "孙志刚", department: "市场准入审批科", roles: [.reviewer], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$trXHiVGAvXUoasYD+wHU1g==$FTiZ10sAjSAbEOucvmFCzhutzK2HFVGTWaCsbuhBVbU="),
        DemoStaff(id: "R02", name: "马丽娟", department: "工程建设审批科", roles: [.reviewer], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$stBIH3B1HTtTwzpLU1SkPA==$7d//2cK03tfeOAwOOFbuPj+2//WV+3XRo9bCz6qvEEg="),
        DemoStaff(id: "R03", name: "朱文博", department: "社会事务审批科", roles: [.reviewer], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$Wt+pEEs48XRw5diY/SAQTg==$gnqq5cYw+KkSothknbNgHlGfvadttKToqtzQ3vfZvvE="),
        DemoStaff(id: "C01", name: "胡建华", department: "市场准入审批科", roles: [.approver], level: .sectionChief,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$tIeKccIvwdHQynSufGxZhA==$ADYd8/DXE747JvBBXyBh+0Z93UfKqsGhfnf2wk6IpGA="),
        DemoStaff(id: "C02", name: "郭晓梅", department: "工程建设审批科", roles: [.approver], level: .sectionChief,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$jmP8tLcR1bg0n3a+r1X5pQ==$y13OxXcavQRu3NhF3xNlMWjcTuVeOO9cY/WV54qJUuY="),
        DemoStaff(id: "C03", name: "林国栋", department: "社会事务审批科", roles: [.approver], level: .sectionChief,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$OJXtNx1IisvKPU8AUbIXgg==$11d0l1gwTwOPXRN5hodssDdx+X+QbvGoLQc5TMyP/1k="),
        DemoStaff(id: "D01", name: "何振东", department: "局领导", roles: [.approver], level: .deputyDirector,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$7CaHiKCqFGBon6g23j90NA==$PJQkC1V9wnDwqt139OM3Xw8AtO7SX106DRBibELHYVc="),
        DemoStaff(id: "M01", name: "周建国", department: "大厅管理科", roles: [.supervisor], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$VAq4Z9g8A1UmnafTrEy9bQ==$Snc/b9ylW8lHDqDEaxBr/Fo1AQ6xAfSH5VsyH1zsnTE="),
        DemoStaff(id: "A01", name: "高明", department: "信息科", roles: [.admin], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$XCK2J+fJ0xbns/IMM6xjug==$DCb7R4M92dUiY8ccWvKuIYgvvNXIwPWO+0eHyA9Zkbg="),
        DemoStaff(id: "P01", name: "吴晓燕", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$DMIOe2AAKoV/0adnNbXANg==$kEDcBQ4UihIyPS7o+b5gvNV4gZWS84fbtrdqvAB/1Eo="),
        DemoStaff(id: "P02", name: "郑海涛", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$Ayma1YL+SnqphjaZQEN+RQ==$pzThy0lu/SkmmSvXhOkNKD6AzDQoCwmduDN6lHP7tYw="),
        DemoStaff(id: "P03", name: "冯雪", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$tyeirWOQAhHxVDteE3zhVA==$T71QmNgzAyTRbEY4CUcTNqbQYKlHdJYe0Y60b+kTrKk="),
        DemoStaff(id: "P04", name: "曹宇", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$zCRXlX4YwUEA1DFuGhUQNw==$scTmRNKrKqdMQDHgntlBoOZ8xtA8OHllXiAuGz2ge3c="),
        DemoStaff(id: "P05", name: "彭丽华", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$X67OJmllVJfwlGMu8etd5g==$QUDMU95IBMF8SAxgf3pcxoX2O/h9JU2giLHmz5crm9Y="),
        DemoStaff(id: "P06", name: "曾志强", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$CY/GftIHeRA/CHbImPF27Q==$utckTbRotEDBIrP8DY+Z1oGOPsKYSsl2GGYB4RI24Ak="),
        DemoStaff(id: "P07", name: "萧红梅", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$mrWis3t2x6//Lio3Imn1RA==$gouVceWKdDNfMx9nvHFUHeqNRJsWz6sMA49xMry8xeA="),
        DemoStaff(id: "P08", name: "田野", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$RpC9+p2075azllIbuneXXQ==$tveTO8IRHLfg7zLlg5QXuwLHOvBs+H0W8Vjjwddn5V0="),
        DemoStaff(id: "P09", name: "董佳", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$qlUNkjB0oyN6VvfcJkYt+w==$QrejYxz67Eln57fjDFnnAFVTnrGEMSiRBGxjZcdAZJU="),
        DemoStaff(id: "P10", name: "袁博", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$NqyYactT2hN7z1i48wUqZw==$J8m+pNoDB1NX18T62eAUUAp08IMeeMJVHjbuBKllmwQ="),
        DemoStaff(id: "P11", name: "潘晓东", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$X1qrvqe8lKSBln9gZmM2LQ==$1nJnNJzaaOLjLgr0qNldPHTnLhdIQomGQDSZDY5M4lk="),
        DemoStaff(id: "P12", name: "于娜", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$XYt/nu/ICimsfFIa/wPVSg==$UD0MWjUfNAvJcNKJZFM6oG+LBEiGRuEcxF9Rj8A3jb0="),
        DemoStaff(id: "P13", name: "蒋文涛", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$UNC1Q1IWZ2xzTaai+WwEew==$p1jp84b5zUgXesWjYxVrlTiPhz+BJadvqUBVBZjBGu8="),
        DemoStaff(id: "P14", name: "蔡小琴", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$uHCla/b9ilTu/FHvmhSZvQ==$jwrgw4hIuBbHqvKI6ppQcglJ5OIzGibVG0GuSKRTdUE="),
        DemoStaff(id: "P15", name: "余海波", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$tDSAIDYzG574JBzQ5u/+WA==$xhkVrGoLspXHIFtM1ep9fX7JFzeKLeYwBOgHGieWixY="),
        DemoStaff(id: "P16", name: "杜春燕", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$qG9xQ/JnjPW8zXOwWLnhHw==$qxErRnkYQ+GZZ13x0Gerhhk72UTv4jd3tMfesRdsYg4="),
        DemoStaff(id: "P17", name: "叶思远", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$xZqr8W6C9NGXNpIkERtcsg==$Bf/+JZBWBAEYJuGpT9H+e1ayUv5iTjVKj/HfX4hJiBI="),
        DemoStaff(id: "P18", name: "程立新", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$7Rx+2EDvDhh2Bx/Qgdp7TQ==$5F353HCNaG4alMoZzgGb9ubiv1urr+zs4hd7D5GR8rs="),
        DemoStaff(id: "P19", name: "魏兰", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$AhjxMm2+eEAjL6mUwEC2+g==$kbpbJQSi2L+G6Xw1TQTPKlfbz8pqqt40SrE5OR90r0M="),
        DemoStaff(id: "P20", name: "吕建军", department: "代办服务中心", roles: [.agent], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$dbnoS2f7GT289nfOlZC8Lw==$H4t8c5ae6XzyZ2nCC/hMk6kVm1BZLjaGvwldMdi18Eg="),
        // 监管联络员: one liaison in each department's supervising unit (审管联动, one to one; `supervision` below).
        DemoStaff(id: "L01", name: "罗志勇", department: "区市场监管综合行政执法大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$/8IBI1ev6vv+50/lwYP+OQ==$EqVNJtxDXAQr0O2qu0M0J47W7+jY8QrnjT8QXmMGhCc="),
        DemoStaff(id: "L02", name: "韩秀英", department: "区建设工程质量安全监督站", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$NRXebwdaC9Xg7sl1K0sOSw==$md2Z9wjIp766oCxP8jEyKa62Xnv4KDmAXjjGW+ynKBM="),
        DemoStaff(id: "L03", name: "唐国强", department: "区自然资源执法监察大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$lbsrwKlUJGtiT3ZjQBY2DA==$WqENAUJmlEdrywyvs8qem2C4cwVgc4ysevygwrsGRag="),
        DemoStaff(id: "L04", name: "冯丽萍", department: "区劳动保障监察大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$Cvg4l8oGJMXIHXrZCWs3XA==$GXbp0ThkTrNHSl9hEnrjk9Y6C+qSCJKNY63zAwRwELE="),
        DemoStaff(id: "L05", name: "邓建军", department: "区民政局社会组织管理科", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$LO0F8hgq58bDS2oaK/8JCQ==$alz/w5RXguzjZmcC7ypwpnEdqmdmfJrSdO012knNmdg="),
        DemoStaff(id: "L06", name: "许晓红", department: "区卫生健康综合行政执法大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$mweppd9Ef6Bl4pD6THid+A==$03C16MPNK9lDmS6om7ilKs12F7WtnaNO2z/qM4rZV4A="),
        DemoStaff(id: "L07", name: "傅永强", department: "区交通运输综合行政执法大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$MLPRYq+5IWzO8HqfLFMX6A==$tsjeO7/1aiEyfq6Sa5tGhakmLa12cQpxrOmJdYg8X0I="),
        DemoStaff(id: "L08", name: "沈桂兰", department: "区农业综合行政执法大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$3nGIzi23RiVT4d/HcV+eZA==$UZL9MTMF3DstGLPmA6J8Fv+9ndRNv8AaK/ZjFkdpZVk="),
        DemoStaff(id: "L09", name: "曾德明", department: "区文化市场综合行政执法大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$VUFe3ja7EoDgKiQIKHyeHg==$lz5o+J2zoFVVXRFr68rEe6Rvq9W4p9gNjd+kRBjLFJg="),
        DemoStaff(id: "L10", name: "彭玉梅", department: "区生态环境保护综合行政执法大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$fVmAdJV0XxCAHmqyFNiBUw==$ONUq5zkLA7D/LduDc7qIYfDmF68EI3/CpLbObmcUC1A="),
        DemoStaff(id: "L11", name: "吕建平", department: "区水政监察大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$7OW80k5dXrt6zwpGdyxd4A==$kyPuvL362tXOO12XB4/LhEFtwdbBdHDjuk6StNUrJsg="),
        DemoStaff(id: "L12", name: "苏海燕", department: "区应急管理综合行政执法大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$RVCmVi0Gptd3u/ascw8MzA==$GkyJGMSixT1pXSf8JPyOLSceVYl6KJSRRyCfijV09mo="),
        DemoStaff(id: "L13", name: "卢志华", department: "区商务局市场秩序科", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$IokGkPz0PqTt8YvLfkCrjA==$Nwd+bJCltwWjKGKUMf2HsHrwuPoiJTDsh/uPhnFrfhg="),
        DemoStaff(id: "L14", name: "蒋秀兰", department: "区教育局督导室", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$hftF82UNV/tRmtpRVWnbDQ==$Jekiwqu61pZyiCJjCr2ZC3YHnH0CwE93k64haxzS1fk="),
        DemoStaff(id: "L15", name: "蔡国平", department: "市公安局区分局治安管理大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$5oOZYMtHAVo+lwN6o8ScVg==$lhVSK6ATasS4ZbUJFrC7LbMMNiB4IYK6hOEpZc8Pg08="),
        DemoStaff(id: "L16", name: "贾文静", department: "区城市管理综合行政执法大队", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$/+EzFXpH/wJ1jsriO8Yx3Q==$QhQySvXVOwOOvZt50PdG3RCmiiBdniNmzR3DusErxp8="),
        DemoStaff(id: "L17", name: "丁卫东", department: "区医疗保障局基金监管科", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$WKESfmQl856iZY08xcITdg==$AqqT6SbUIFFCaEi8QboxphSfFPQVPMIEjAPMnoNDA2g="),
        DemoStaff(id: "L18", name: "魏淑珍", department: "国家税务总局区税务局稽查局", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$IwcLa48eswB5iSr7wkagYw==$ap5QZ3X0xMOYsjuJZmfCMRx11LhUYz0d1KpOoiiwj3Q="),
        DemoStaff(id: "L19", name: "薛明辉", department: "市住房公积金管理中心区管理部归集科", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$hf4A/ZaGsAWFM2ZBU+M0Qw==$LwuOvpxTZq1HU6s9ONBL0srzePyt5lqHn8pwvt5tUQM="),
        DemoStaff(id: "L20", name: "叶春梅", department: "区残疾人联合会康复就业科", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$85Eb+31cAjXS134OZh+JtA==$q9blane/1ur1gHUulcXZm4qLPNNERMHY+zQZ2zZRhHk="),
        DemoStaff(id: "L21", name: "阎志刚", department: "区退役军人事务局权益维护科", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$JoDMqJcFIvm5eUjr86j0VA==$+5OALDfHjYxvUgu3y4+Q44XIVeBdIW/G9s08sNPdX5Y="),
        DemoStaff(id: "L22", name: "余丽君", department: "区发展和改革局投资科", roles: [.liaison], level: nil,
                  passwordHash: "$scrypt$ln=15,r=8,p=1$6UKgp1Mcz8vcuqSOSiuaxg==$Oy5xtO6S05KShLB1th19ltKIIcCSy9Tol3jgk0ErK30="),
    ]

    public static let windows: [(id: Int, name: String, lines: [(String, Double)], filter: WindowFilter, staff: String)] = [
        (1, "综合受理一", [("A", 1), ("D", 0.5)], .all, "S01"),
        (2, "综合受理二", [("A", 1), ("D", 1)], .all, "S02"),
        (3, "企业开办一", [("B", 1), ("A", 0.5)], .all, "S03"),
        (4, "企业开办二", [("B", 1)], .all, "S04"),
        (5, "工程建设项目", [("C", 1), ("B", 0.5)], .all, "S05"),
        (6, "社会事务", [("D", 1), ("A", 1)], .all, "S06"),
        (7, "不动产登记", [("E", 1)], .all, "S07"),
        (8, "优先窗口", [("A", 1), ("B", 1), ("C", 1), ("D", 1), ("E", 1)], .priorityOnly, "S08"),
    ]

    /// 审管联动: each department's items are supervised by its own enforcement unit (the bureau approves, the department
    /// supervises), through the liaison there: (department, supervising unit, liaison). 食品经营许可 is the one item
    /// paired on its own, with the food-safety section (an item pairing wins over its department's).
    public static let supervision: [(department: String, supervisor: String, liaison: String)] = [
        ("区市场监督管理局", "区市场监管综合行政执法大队", "L01"),
        ("区住房和城乡建设局", "区建设工程质量安全监督站", "L02"),
        ("区自然资源局", "区自然资源执法监察大队", "L03"),
        ("区人力资源和社会保障局", "区劳动保障监察大队", "L04"),
        ("区民政局", "区民政局社会组织管理科", "L05"),
        ("区卫生健康委员会", "区卫生健康综合行政执法大队", "L06"),
        ("区交通运输局", "区交通运输综合行政执法大队", "L07"),
        ("区农业农村局", "区农业综合行政执法大队", "L08"),
        ("区文化广播电视和旅游局", "区文化市场综合行政执法大队", "L09"),
        ("区生态环境局", "区生态环境保护综合行政执法大队", "L10"),
        ("区水利局", "区水政监察大队", "L11"),
        ("区应急管理局", "区应急管理综合行政执法大队", "L12"),
        ("区商务局", "区商务局市场秩序科", "L13"),
        ("区教育局", "区教育局督导室", "L14"),
        ("市公安局区分局", "市公安局区分局治安管理大队", "L15"),
        ("区城市管理局", "区城市管理综合行政执法大队", "L16"),
        ("区医疗保障局", "区医疗保障局基金监管科", "L17"),
        ("国家税务总局区税务局", "国家税务总局区税务局稽查局", "L18"),
        ("市住房公积金管理中心区管理部", "市住房公积金管理中心区管理部归集科", "L19"),
        ("区残疾人联合会", "区残疾人联合会康复就业科", "L20"),
        ("区退役军人事务局", "区退役军人事务局权益维护科", "L21"),
        ("区发展和改革局", "区发展和改革局投资科", "L22"),
    ]
    public static let itemSupervision: [(item: String, supervisor: String, liaison: String)] = [
        ("食品经营许可", "区市场监督管理局食品安全监管科", "L01"),
    ]

    /// The pairings as stored: department names and item names resolved in the demo catalog.
    static var pairings: [SupervisionPairing] {
        let catalog = DemoCatalog.catalog
        let departments = supervision.compactMap { row in
            catalog.departments.first { $0.name == row.department }.map {
                SupervisionPairing(scope: .department, code: $0.code, supervisor: row.supervisor, liaisonID: row.liaison)
            }
        }
        let items = itemSupervision.compactMap { row in
            catalog.items.first { $0.name == row.item }.map {
                SupervisionPairing(scope: .item, code: $0.implementationCode, supervisor: row.supervisor, liaisonID: row.liaison)
            }
        }
        return departments + items
    }

    /// The person the creating account is bound to.
    public static let boundStaff = "S01"

    /// Refused (nothing written) when the file already holds a hall: the check and the seeding are one
    /// transaction, so two processes seeding a fresh file at once cannot both do it. `osUser` is bound to S01.
    /// `cases`: then the demo cases in flight (`DemoCases`), the proxy agents' team and jobs (`DemoAgents`) and a few ratings with a bad review's rectification (`DemoRatings`), as `desk` seeds its default database and `init --demo
    /// --cases` does; the tests' demo halls start without them.
    public static func seed(_ database: HallDatabase, osUser: String, cases: Bool = false) throws {
        try database.seed(HallBlueprint(
            settings: demoSettings,
            staff: staff.map { .init(id: $0.id, name: $0.name, department: $0.department, roles: $0.roles, level: $0.level, passwordHash: $0.passwordHash) },
            boundStaff: boundStaff,
            lines: lines.map { .init(prefix: $0.prefix, name: $0.name, targetWaitMinutes: $0.target, serviceMinutes: $0.service) },
            windows: windows.map { .init(id: $0.id, name: $0.name, lines: $0.lines, filter: $0.filter, staff: $0.staff) },
            catalog: DemoCatalog.catalog, supervision: pairings), osUser: osUser)
        // The intermediary-service supermarket: 103 agencies, and what the demo items need of them.
        let codes = Dictionary(grouping: try database.catalog().items, by: \.name)
        let needs = DemoAgencies.needs.flatMap { need in
            (codes[need.item] ?? []).map { ItemAgencyNeed(itemCode: $0.implementationCode, category: need.category, suspendsClock: need.suspends) }
        }
        try database.loadAgencyDirectory(DemoAgencies.agencies, needs: needs, by: Actor(staff: boundStaff, terminal: .cli))
        if cases {
            try DemoCases.seed(database)
            try DemoAgents.seed(database)
            try DemoRatings.seed(database)
        }
    }

    static var demoSettings: HallSettings {
        var settings = HallSettings(hallName: "城东区政务服务中心", hallKind: .demo)
        settings.remedyReviewOrgan = "城东区人民政府"
        settings.remedyCourt = "城东区人民法院"
        return settings
    }
}

/// A whole hall to create in one transaction: the demo hall, and the benchmark's halls. The creating OS
/// account is bound to `boundStaff`, who is the actor of the creation's events; windows that name a person
/// open with them signed in (one `sign_in` event each).
public struct HallBlueprint: Sendable {
    public struct Person: Sendable {
        public var id: String, name: String, department: String?, roles: Set<Role>, level: ApproverLevel?, passwordHash: String?
        public init(id: String, name: String, department: String? = nil, roles: Set<Role>, level: ApproverLevel? = nil, passwordHash: String? = nil) {
            self.id = id; self.name = name; self.department = department; self.roles = roles; self.level = level; self.passwordHash = passwordHash
        }
    }
    public struct Line: Sendable {
        public var prefix: String, name: String, targetWaitMinutes: Int, serviceMinutes: Int
        public init(prefix: String, name: String, targetWaitMinutes: Int, serviceMinutes: Int = 8) {
            self.prefix = prefix; self.name = name; self.targetWaitMinutes = targetWaitMinutes; self.serviceMinutes = serviceMinutes
        }
    }
    public struct Window: Sendable {
        public var id: Int, name: String, lines: [(String, Double)], filter: WindowFilter, staff: String?
        public init(id: Int, name: String, lines: [(String, Double)], filter: WindowFilter = .all, staff: String? = nil) {
            self.id = id; self.name = name; self.lines = lines; self.filter = filter; self.staff = staff
        }
    }
    public var settings: HallSettings
    public var staff: [Person]
    public var boundStaff: String
    public var lines: [Line]
    public var windows: [Window]
    public var catalog: Catalog?
    /// 审管联动 pairings (after the catalog and the staff they name).
    public var supervision: [SupervisionPairing]

    public init(settings: HallSettings, staff: [Person], boundStaff: String, lines: [Line], windows: [Window], catalog: Catalog? = nil,
                supervision: [SupervisionPairing] = []) {
        self.settings = settings; self.staff = staff; self.boundStaff = boundStaff; self.lines = lines; self.windows = windows; self.catalog = catalog
        self.supervision = supervision
    }
}

extension HallDatabase {
    public func seed(_ blueprint: HallBlueprint, osUser: String) throws {
        let now = clock.now
        try perform { db in
            try Self.requireEmptyHall(db, path: path)
            try blueprint.settings.save(db)
            let today = blueprint.settings.businessCalendar.businessDate(of: now)
            let creator = Actor(staff: blueprint.boundStaff, terminal: .cli)
            for s in blueprint.staff {
                try db.execute(sql: """
                    INSERT INTO staff(id, name, department, approver_level, password_hash, os_user) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [s.id, s.name, s.department, s.level?.rawValue, s.passwordHash, s.id == blueprint.boundStaff ? osUser : nil])
                try Self.storeRoles(db, id: s.id, s.roles)
            }
            try AuditLog.append(db, .hallCreated, by: creator, at: now, businessDate: today, staff: blueprint.boundStaff, detail: [
                "kind": .string(blueprint.settings.hallKind.rawValue), "os_user": .string(osUser), "staff": .int(blueprint.staff.count),
            ])
            for l in blueprint.lines {
                try db.execute(sql: """
                    INSERT INTO service_line(prefix, name, target_wait_minutes, default_service_minutes) VALUES (?, ?, ?, ?)
                    """, arguments: [l.prefix, l.name, l.targetWaitMinutes, l.serviceMinutes])
            }
            for w in blueprint.windows {
                try db.execute(sql: "INSERT INTO service_window(id, name, filter, state, staff_id) VALUES (?, ?, ?, ?, ?)",
                               arguments: [w.id, w.name, w.filter.rawValue, w.staff == nil ? "closed" : "open", w.staff])
                for (position, entry) in w.lines.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO window_line(window_id, line_id, position, weight)
                        SELECT ?, id, ?, ? FROM service_line WHERE prefix = ?
                        """, arguments: [w.id, position, entry.1, entry.0])
                }
                if let staff = w.staff {
                    try AuditLog.append(db, .signIn, by: Actor(staff: staff, terminal: .window(w.id)), at: now, businessDate: today,
                                        window: w.id, staff: staff, detail: ["seeded": .bool(true)])
                }
            }
            if let catalog = blueprint.catalog {
                let summary = try Self.storeCatalog(catalog, mode: .merge, in: db)
                try AuditLog.append(db, .catalogImport, by: creator, at: now, businessDate: today, detail: [
                    "file": .string("(seeded)"), "total_items": .int(summary.totalItems),
                ])
            }
            for pairing in blueprint.supervision {
                try Self.storePairing(db, pairing, at: now)
                try AuditLog.append(db, .supervisionPairingSet, by: creator, at: now, businessDate: today, detail: [
                    "scope": .string(pairing.scope.rawValue), "code": .string(pairing.code), "supervisor": .string(pairing.supervisor),
                    "liaison": .string(pairing.liaisonID), "seeded": .bool(true),
                ])
            }
        }
    }

    /// Sets up a new, empty hall: its kind, and an administrator bound to the creating OS account (staff
    /// number ADMIN, no password), who then adds staff, lines and windows. Refused on a hall that has staff.
    public func setUpNewHall(kind: HallKind, osUser: String) throws {
        let now = clock.now
        try perform { db in
            try Self.requireEmptyHall(db, path: path)
            var settings = try HallSettings.load(db)
            settings.hallKind = kind
            // A test hall is open all day (tests run at fixed DESK_NOW times); a real one gets the standard hours.
            settings.openingHours = .defaults(for: kind)
            try settings.save(db)
            try db.execute(sql: "INSERT INTO staff(id, name, os_user) VALUES ('ADMIN', ?, ?)", arguments: [osUser, osUser])
            try Self.storeRoles(db, id: "ADMIN", [.admin])
            try AuditLog.append(db, .hallCreated, by: Actor(staff: "ADMIN", terminal: .cli), at: now,
                                businessDate: settings.businessCalendar.businessDate(of: now), staff: "ADMIN",
                                detail: ["kind": .string(kind.rawValue), "os_user": .string(osUser)])
        }
    }

    /// A hall is new while it has no staff and no lines.
    static func requireEmptyHall(_ db: Database, path: String) throws {
        let used = try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM service_line) + (SELECT COUNT(*) FROM staff)") ?? 0
        guard used == 0 else { throw SetupError.alreadyConfigured(path) }
    }

    /// Whether the hall has been set up (it has staff or lines).
    public func isSetUp() throws -> Bool {
        try read { db in (try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM service_line) + (SELECT COUNT(*) FROM staff)") ?? 0) > 0 }
    }
}

public enum SetupError: UserFacingError, Equatable {
    case alreadyConfigured(String)
    case lineExists(String)
    case windowExists(Int)
    case lineAlready(String, open: Bool)
    case lineUnchanged(String)
    /// A window's profile set to what it already is (`setWindowProfile`).
    case windowUnchanged(Int)
    case emptyProfile
    case badWeight(String)
    case lineTwiceInProfile(String)
    public var message: Bilingual {
        switch self {
        case .windowUnchanged(let w): .init(en: "Window \(w) already has this profile: nothing changed.", zh: "\(w) 号窗口已是此叫号设置，未作更改。")
        case .emptyProfile: .init(en: "A window calls at least one line.", zh: "窗口至少要叫一个号段。")
        case .badWeight(let p): .init(en: "Line \(p)'s weight must be above 0 and at most 100.", zh: "号段 \(p) 的权重须大于 0 且不超过 100。")
        case .lineTwiceInProfile(let p): .init(en: "Line \(p) is named twice.", zh: "号段 \(p) 重复。")
        case .lineUnchanged(let p): .init(en: "Line \(p) already has these settings: nothing changed.", zh: "号段 \(p) 已是这些设置，未作更改。")
        case .lineAlready(let p, let open):
            open ? .init(en: "Line \(p) is already open.", zh: "号段 \(p) 已在开放。") : .init(en: "Line \(p) is already closed.", zh: "号段 \(p) 已经关闭。")
        case .lineExists(let p): .init(en: "Line \(p) already exists.", zh: "号段 \(p) 已存在。")
        case .windowExists(let w): .init(en: "Window \(w) already exists.", zh: "\(w) 号窗口已存在。")
        case .alreadyConfigured(let p):
            .init(en: "'\(p)' already holds a hall; use --force to start over (its data will be lost).",
                  zh: "“\(p)”已有大厅数据；如需重建请加 --force（现有数据将丢失）。")
        }
    }
}
